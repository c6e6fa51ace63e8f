using System.Text.RegularExpressions;

namespace Containers.HelpBuilder.Checks
{
    /// <summary>
    /// Finds, in an example's PowerShell, the module's commands and the parameters passed to them, so examples cannot
    /// drift from the cmdlets unnoticed. A light tokenizer, not PowerShell's parser: strings and comments are skipped,
    /// a pipe, semicolon, '=' or line end (without a backtick) ends a command, and brackets nest (a command inside
    /// (...) or {...} does not take the outer command's parameters). A name that looks like one of ours (Verb-Container*)
    /// is reported even when the module lacks it, so examples cannot promise cmdlets that do not exist yet.
    /// </summary>
    public static class ExampleCommandScanner
    {
        private static readonly Regex OurCommandShape = new Regex(@"^[A-Z][a-z]+-Container[A-Za-z]*$", RegexOptions.CultureInvariant);

        public static IReadOnlyList<ExampleUsage> Scan(string code, ICollection<string> knownCommands)
        {
            var usages = new List<ExampleUsage>();

            // The command each bracket level is in: null before its first word, "" for a command that is not ours.
            var commands = new Stack<string?>();
            commands.Push(null);
            int line = 1;
            int i = 0;
            while (i < code.Length)
            {
                char c = code[i];
                if (c == '\n')
                {
                    line++;
                    EndCommand(commands);
                    i++;
                }
                else if (c == '`')
                {
                    // A backtick escapes the next character; before a line end it continues the command.
                    if (i + 1 < code.Length && code[i + 1] == '\n')
                    {
                        line++;
                    }

                    i += 2;
                }
                else if (c == '#')
                {
                    while (i < code.Length && code[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (c == '<' && At(code, i, "<#"))
                {
                    i = Skip(code, i + 2, "#>", ref line);
                }
                else if (c == '@' && (At(code, i, "@'\n") || At(code, i, "@\"\n")))
                {
                    i = Skip(code, i + 3, code[i + 1] + "@", ref line);
                    line++; // the opening line end
                }
                else if (c == '\'' || c == '"')
                {
                    i = SkipString(code, i, ref line);
                }
                else if (c == '(' || c == '{')
                {
                    commands.Push(null);
                    i++;
                }
                else if (c == ')' || c == '}')
                {
                    if (commands.Count > 1)
                    {
                        commands.Pop();
                    }

                    i++;
                }
                else if (c == '|' || c == ';' || c == '=' || c == '&')
                {
                    EndCommand(commands);
                    i++;
                }
                else if (char.IsWhiteSpace(c) || c == ',' || c == '[' || c == ']' || c == '@')
                {
                    i++;
                }
                else
                {
                    int start = i;
                    while (i < code.Length && !IsWordEnd(code[i]))
                    {
                        i++;
                    }

                    Word(code.Substring(start, i - start), line, commands, knownCommands, usages);
                }
            }

            return usages;
        }

        private static void Word(string word, int line, Stack<string?> commands, ICollection<string> knownCommands, List<ExampleUsage> usages)
        {
            string? known = Find(knownCommands, word);
            if (known != null || OurCommandShape.IsMatch(word))
            {
                // A cmdlet name starts a command even mid-statement: foreach ($c in Get-Container) ...
                string command = known ?? word;
                commands.Pop();
                commands.Push(command);
                usages.Add(new ExampleUsage(command, null, line));
                return;
            }

            string? current = commands.Peek();
            if (current == null)
            {
                commands.Pop();
                commands.Push(string.Empty); // some other command, a variable or a value: not ours to check
                return;
            }

            if (current.Length > 0 && word.Length > 1 && word[0] == '-' && char.IsLetter(word[1]))
            {
                int colon = word.IndexOf(':');
                usages.Add(new ExampleUsage(current, colon < 0 ? word.Substring(1) : word.Substring(1, colon - 1), line));
            }
        }

        private static string? Find(ICollection<string> knownCommands, string word)
        {
            foreach (string command in knownCommands)
            {
                if (string.Equals(command, word, StringComparison.OrdinalIgnoreCase))
                {
                    return command;
                }
            }

            return null;
        }

        private static void EndCommand(Stack<string?> commands)
        {
            commands.Pop();
            commands.Push(null);
        }

        private static bool IsWordEnd(char c) =>
            char.IsWhiteSpace(c) || c == '(' || c == ')' || c == '{' || c == '}' || c == '|' || c == ';' || c == ','
            || c == '=' || c == '\'' || c == '"' || c == '`' || c == '[' || c == ']' || c == '&';

        private static bool At(string code, int index, string text) =>
            string.CompareOrdinal(code, index, text, 0, text.Length) == 0;

        /// <summary>Skips to just after <paramref name="end"/>, counting lines.</summary>
        private static int Skip(string code, int index, string end, ref int line)
        {
            while (index < code.Length && !At(code, index, end))
            {
                if (code[index] == '\n')
                {
                    line++;
                }

                index++;
            }

            return Math.Min(code.Length, index + end.Length);
        }

        /// <summary>Skips a quoted string: '' doubles a single quote, a backtick escapes in double quotes.</summary>
        private static int SkipString(string code, int index, ref int line)
        {
            char quote = code[index];
            index++;
            while (index < code.Length)
            {
                char c = code[index];
                if (c == '\n')
                {
                    line++;
                }

                if (quote == '"' && c == '`')
                {
                    index += 2;
                    continue;
                }

                if (c == quote)
                {
                    if (index + 1 < code.Length && code[index + 1] == quote)
                    {
                        index += 2;
                        continue;
                    }

                    return index + 1;
                }

                index++;
            }

            return index;
        }
    }
}
