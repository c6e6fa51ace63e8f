using System.Text;

namespace Containers.Compose
{
    /// <summary>
    /// Compose's variable substitution in values (never in keys), done on each file before it is merged, as the
    /// specification says: <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c> (unset or empty), <c>${VAR-default}</c>
    /// (unset), <c>${VAR:?message}</c> and <c>${VAR?message}</c> (required), <c>${VAR:+other}</c> and
    /// <c>${VAR+other}</c> (set), nested defaults, and <c>$$</c> for a literal dollar. A <c>$</c> followed by anything
    /// else stays as written. An unset variable without a default becomes empty, with a warning, as compose does.
    /// </summary>
    internal sealed class VariableInterpolator
    {
        private readonly IReadOnlyDictionary<string, string> variables;
        private readonly ICollection<string> warnings;

        public VariableInterpolator(IReadOnlyDictionary<string, string> variables, ICollection<string> warnings)
        {
            this.variables = variables;
            this.warnings = warnings;
        }

        /// <summary>Substitutes every scalar value under <paramref name="node"/> in place.</summary>
        public void Apply(ComposeNode node)
        {
            switch (node)
            {
                case ComposeScalar scalar when scalar.Value != null:
                    scalar.Value = Substitute(scalar.Value, scalar);
                    break;
                case ComposeSequence sequence:
                    sequence.Items.ForEach(Apply);
                    break;
                case ComposeMapping mapping:
                    mapping.Entries.ForEach(entry => Apply(entry.Value));
                    break;
            }
        }

        public string Substitute(string text, ComposeNode where)
        {
            if (text.IndexOf('$') < 0)
            {
                return text;
            }

            var result = new StringBuilder(text.Length);
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c != '$' || i + 1 >= text.Length)
                {
                    result.Append(c);
                    i++;
                    continue;
                }

                char next = text[i + 1];
                if (next == '$')
                {
                    result.Append('$');
                    i += 2;
                }
                else if (next == '{')
                {
                    int close = ClosingBrace(text, i + 2);
                    if (close < 0)
                    {
                        throw where.Error($"invalid interpolation format in '{text}': '${{' is never closed with '}}'");
                    }

                    result.Append(Braced(text.Substring(i + 2, close - i - 2), text, where));
                    i = close + 1;
                }
                else if (IsNameStart(next))
                {
                    int end = i + 1;
                    while (end < text.Length && IsNamePart(text[end]))
                    {
                        end++;
                    }

                    result.Append(Lookup(text.Substring(i + 1, end - i - 1)));
                    i = end;
                }
                else
                {
                    result.Append(c);
                    i++;
                }
            }

            return result.ToString();
        }

        // The inside of ${...}: a name, then nothing or an operator and its word (itself substituted, only when used).
        private string Braced(string inside, string text, ComposeNode where)
        {
            int end = 0;
            while (end < inside.Length && (end == 0 ? IsNameStart(inside[end]) : IsNamePart(inside[end])))
            {
                end++;
            }

            if (end == 0)
            {
                throw where.Error($"invalid interpolation format in '{text}': '${{{inside}}}' does not start with a variable name");
            }

            string name = inside.Substring(0, end);
            if (end == inside.Length)
            {
                return Lookup(name);
            }

            bool colon = inside[end] == ':';
            int operatorAt = colon ? end + 1 : end;
            if (operatorAt >= inside.Length || "-?+".IndexOf(inside[operatorAt]) < 0)
            {
                throw where.Error($"invalid interpolation format in '{text}': '${{{inside}}}' (the forms are ${{VAR}}, ${{VAR:-default}}, ${{VAR-default}}, ${{VAR:?message}}, ${{VAR?message}}, ${{VAR:+other}}, ${{VAR+other}})");
            }

            string word = inside.Substring(operatorAt + 1);
            bool set = variables.TryGetValue(name, out string? value);
            // With ':' an empty value counts as unset.
            bool present = set && (!colon || !string.IsNullOrEmpty(value));
            switch (inside[operatorAt])
            {
                case '-':
                    return present ? value! : Substitute(word, where);
                case '+':
                    return present ? Substitute(word, where) : string.Empty;
                default:
                    if (present)
                    {
                        return value!;
                    }

                    string message = Substitute(word, where);
                    throw where.Error($"required variable {name} is missing a value" + (message.Length == 0 ? string.Empty : ": " + message));
            }
        }

        private string Lookup(string name)
        {
            if (variables.TryGetValue(name, out string? value))
            {
                return value;
            }

            string warning = $"The {name} variable is not set. Defaulting to a blank string.";
            if (!warnings.Contains(warning))
            {
                warnings.Add(warning);
            }

            return string.Empty;
        }

        // The '}' that closes a '${' opened before start, past nested ${...} in a default.
        private static int ClosingBrace(string text, int start)
        {
            int depth = 0;
            for (int i = start; i < text.Length; i++)
            {
                if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    depth++;
                    i++;
                }
                else if (text[i] == '}')
                {
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                }
            }

            return -1;
        }

        private static bool IsNameStart(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsNamePart(char c) => IsNameStart(c) || (c >= '0' && c <= '9');
    }
}
