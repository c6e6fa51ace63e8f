using System.Text;
using System.Text.RegularExpressions;

namespace Containers.Engine.Build
{
    /// <summary>
    /// One .dockerignore pattern, compiled as moby's pattern matcher compiles it: <c>*</c> and <c>?</c> stay within a
    /// path segment, <c>**</c> crosses segments (a leading <c>**/</c> also matches at the root, a trailing <c>/**</c>
    /// matches everything below), <c>[...]</c> is a character class, and <c>\</c> escapes the next character.
    /// </summary>
    internal sealed class IgnorePattern
    {
        private enum MatchKind
        {
            Exact,
            Prefix,
            Suffix,
            Expression,
        }

        private readonly string _cleaned;
        private readonly MatchKind _kind;
        private readonly Regex? _expression;

        public IgnorePattern(string text)
        {
            Exclusion = text.StartsWith("!", StringComparison.Ordinal);
            string body = Exclusion ? text.Substring(1) : text;
            if (body.Length == 0)
            {
                throw new FormatException($"The .dockerignore pattern '{text}' is an exclusion of nothing.");
            }

            _cleaned = GoPath.Clean(body);
            Text = text;
            (_kind, string expression) = Compile(_cleaned);
            if (_kind == MatchKind.Expression)
            {
                try
                {
                    _expression = new Regex(expression, RegexOptions.CultureInvariant | RegexOptions.Singleline);
                }
                catch (ArgumentException e)
                {
                    throw new FormatException($"The .dockerignore pattern '{text}' is not a valid pattern: {e.Message}", e);
                }
            }
        }

        /// <summary>The pattern as written (after comment and white-space handling).</summary>
        public string Text { get; }

        /// <summary>A <c>!</c> pattern: it re-includes what earlier patterns excluded.</summary>
        public bool Exclusion { get; }

        /// <summary>The cleaned pattern without its <c>!</c>, for deciding which directories an exclusion could reach into.</summary>
        public string Cleaned => _cleaned;

        /// <summary>Whether this pattern matches the '/'-separated path relative to the context root.</summary>
        public bool Matches(string path)
        {
            switch (_kind)
            {
                case MatchKind.Exact:
                    return path == _cleaned;
                case MatchKind.Prefix:
                    return path.StartsWith(_cleaned.Substring(0, _cleaned.Length - 2), StringComparison.Ordinal);
                case MatchKind.Suffix:
                    string suffix = _cleaned.Substring(2);
                    return path.EndsWith(suffix, StringComparison.Ordinal) || (suffix.Length > 0 && suffix[0] == '/' && path == suffix.Substring(1));
                default:
                    return _expression!.IsMatch(path);
            }
        }

        private static (MatchKind, string) Compile(string pattern)
        {
            var expression = new StringBuilder("^");
            MatchKind kind = MatchKind.Exact;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '*')
                {
                    if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                    {
                        bool first = i == 0;
                        i++;
                        if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                        {
                            i++; // "**/" is read as "**"
                        }

                        if (i + 1 >= pattern.Length)
                        {
                            // "**" at the end matches everything below, as in .gitignore.
                            if (kind == MatchKind.Exact)
                            {
                                kind = MatchKind.Prefix;
                            }
                            else
                            {
                                expression.Append(".*");
                                kind = MatchKind.Expression;
                            }
                        }
                        else
                        {
                            expression.Append("(.*/)?");
                            kind = MatchKind.Expression;
                        }

                        if (first)
                        {
                            kind = MatchKind.Suffix;
                        }
                    }
                    else
                    {
                        expression.Append("[^/]*");
                        kind = MatchKind.Expression;
                    }
                }
                else if (c == '?')
                {
                    expression.Append("[^/]");
                    kind = MatchKind.Expression;
                }
                else if (c == '\\')
                {
                    expression.Append('\\');
                    if (i + 1 < pattern.Length)
                    {
                        i++;
                        expression.Append(pattern[i]);
                    }
                }
                else if (c == '[' || c == ']')
                {
                    expression.Append(c);
                    kind = MatchKind.Expression;
                }
                else if (".$+()|{}".IndexOf(c) >= 0)
                {
                    expression.Append('\\').Append(c);
                }
                else
                {
                    expression.Append(c);
                }
            }

            return (kind, expression.Append('$').ToString());
        }
    }
}
