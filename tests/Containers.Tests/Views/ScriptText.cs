using System.Text;
using System.Text.RegularExpressions;

namespace Containers.Tests.Views
{
    /// <summary>
    /// Just enough PowerShell lexing to check the short script blocks of format and type files without a PowerShell:
    /// strings and comments blanked out, static calls and the members of <c>$_</c> found.
    /// </summary>
    public static class ScriptText
    {
        // Script blocks whose $_ is each piped item, not the formatted object.
        private static readonly Regex PipelineBlockOpener = new Regex(
            @"(?:\bForEach-Object|\bWhere-Object|\bforeach|\bwhere|(?<![\w$])%|(?<=\|\s*)\?|\.ForEach\(|\.Where\()\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex StaticCall = new Regex(@"\[(?<type>[A-Za-z_][\w.]*)\]::(?<member>[A-Za-z_]\w*)", RegexOptions.CultureInvariant);

        private static readonly Regex PipelineMember = new Regex(@"\$_\.(?<member>[A-Za-z_]\w*)", RegexOptions.CultureInvariant);

        /// <summary>The script with string contents and comments removed (quotes kept), so operators inside text are not code.</summary>
        public static string WithoutStringsAndComments(string script)
        {
            var code = new StringBuilder(script.Length);
            for (int i = 0; i < script.Length; i++)
            {
                char c = script[i];
                if (c == '\'' || c == '"')
                {
                    code.Append(c).Append(c);
                    i = EndOfString(script, i);
                }
                else if (c == '<' && i + 1 < script.Length && script[i + 1] == '#')
                {
                    int end = script.IndexOf("#>", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? script.Length : end + 1;
                    code.Append(' ');
                }
                else if (c == '#')
                {
                    int end = script.IndexOf('\n', i);
                    i = end < 0 ? script.Length : end - 1;
                }
                else if (c == '`' && i + 1 < script.Length)
                {
                    code.Append(' ');
                    i++;
                }
                else
                {
                    code.Append(c);
                }
            }

            return code.ToString();
        }

        // Index of the closing quote: '' inside single quotes, `" and "" inside double quotes, are part of the text.
        private static int EndOfString(string script, int open)
        {
            char quote = script[open];
            for (int i = open + 1; i < script.Length; i++)
            {
                if (quote == '"' && script[i] == '`')
                {
                    i++;
                }
                else if (script[i] == quote)
                {
                    if (i + 1 < script.Length && script[i + 1] == quote)
                    {
                        i++;
                    }
                    else
                    {
                        return i;
                    }
                }
            }

            return script.Length;
        }

        /// <summary>Every <c>[Type]::Member</c> the script names.</summary>
        public static IEnumerable<(string Type, string Member)> StaticCalls(string script) =>
            StaticCall.Matches(WithoutStringsAndComments(script)).Select(m => (m.Groups["type"].Value, m.Groups["member"].Value));

        /// <summary>The members read from <c>$_</c> where it is the formatted object: outside ForEach-Object, Where-Object and the like.</summary>
        public static IEnumerable<string> MembersOfTheObject(string script) =>
            PipelineMember.Matches(WithoutPipelineBlocks(WithoutStringsAndComments(script))).Select(m => m.Groups["member"].Value).Distinct(StringComparer.OrdinalIgnoreCase);

        private static string WithoutPipelineBlocks(string code)
        {
            var kept = new StringBuilder(code.Length);
            for (int i = 0; i < code.Length; i++)
            {
                if (code[i] == '{' && PipelineBlockOpener.IsMatch(code.Substring(0, i)))
                {
                    int depth = 0;
                    for (; i < code.Length; i++)
                    {
                        depth += code[i] == '{' ? 1 : code[i] == '}' ? -1 : 0;
                        if (depth == 0)
                        {
                            break;
                        }
                    }

                    kept.Append("{}");
                    continue;
                }

                kept.Append(code[i]);
            }

            return kept.ToString();
        }

        /// <summary>
        /// Operators PowerShell 7 added that Windows PowerShell 5.1 cannot parse (the whole view would fail to load there):
        /// <c>??</c>, <c>??=</c>, <c>?.</c>, <c>?[</c>, <c>&amp;&amp;</c>, <c>||</c> and the ternary <c>a ? b : c</c>.
        /// </summary>
        public static IEnumerable<string> PowerShell7Operators(string script)
        {
            string code = WithoutStringsAndComments(script);
            if (code.Contains("??", StringComparison.Ordinal))
            {
                yield return "null-coalescing ??";
            }

            if (Regex.IsMatch(code, @"[\w)\]}]\?[.\[]"))
            {
                yield return "null-conditional ?. or ?[";
            }

            if (code.Contains("&&", StringComparison.Ordinal) || code.Contains("||", StringComparison.Ordinal))
            {
                yield return "pipeline chain && or ||";
            }

            if (HasTernary(code))
            {
                yield return "ternary ? :";
            }
        }

        // A '?' standing alone is either Where-Object's alias (at the start of a command: after |, ;, ( or {) or a ternary.
        private static bool HasTernary(string code)
        {
            foreach (Match question in Regex.Matches(code, @"(?<=\s)\?(?=\s)"))
            {
                string before = code.Substring(0, question.Index).TrimEnd();
                char previous = before.Length == 0 ? '|' : before[before.Length - 1];
                if ("|;({".IndexOf(previous) < 0 && code.IndexOf(':', question.Index) > question.Index)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
