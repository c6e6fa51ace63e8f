using System.Text;
using System.Text.RegularExpressions;

namespace Containers.Text
{
    /// <summary>
    /// PowerShell's wildcard rules (<c>*</c>, <c>?</c>, <c>[a-c]</c>, backtick escapes), case-insensitive, without a
    /// reference to System.Management.Automation's WildcardPattern.
    /// </summary>
    public sealed class Wildcard
    {
        private readonly Regex _regex;

        public Wildcard(string pattern)
        {
            Pattern = pattern;
            _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public string Pattern { get; }

        public bool IsMatch(string? text) => text != null && _regex.IsMatch(text);

        /// <summary>True when the text has an unescaped <c>*</c>, <c>?</c> or <c>[</c>.</summary>
        public static bool ContainsWildcard(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '`')
                {
                    i++;
                }
                else if (text[i] == '*' || text[i] == '?' || text[i] == '[')
                {
                    return true;
                }
            }

            return false;
        }

        private static string ToRegex(string pattern)
        {
            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length)
                {
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                }
                else if (c == '*')
                {
                    regex.Append(".*");
                }
                else if (c == '?')
                {
                    regex.Append('.');
                }
                else if (c == '[')
                {
                    int close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        continue;
                    }

                    string set = pattern.Substring(i + 1, close - i - 1).Replace(@"\", @"\\").Replace("^", @"\^");
                    regex.Append('[').Append(set).Append(']');
                    i = close;
                }
                else
                {
                    regex.Append(Regex.Escape(c.ToString()));
                }
            }

            return regex.Append('$').ToString();
        }
    }
}
