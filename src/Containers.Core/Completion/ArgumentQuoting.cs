using System.Text;
using System.Text.RegularExpressions;

namespace Containers.Completion
{
    /// <summary>
    /// Quotes a completed value so PowerShell reads it back as exactly that string: single quotes (nothing inside them is
    /// special), with quote characters doubled. PowerShell treats the typographic quotes and dashes like their ASCII
    /// forms, so they count too.
    /// </summary>
    public static class ArgumentQuoting
    {
        // Characters that end or change a bare word in argument mode: whitespace is checked separately.
        private const string Special = "'\"`$@#{}();,|&<>\u2018\u2019\u201A\u201B\u201C\u201D\u201E";

        private const string SingleQuotes = "'\u2018\u2019\u201A\u201B";

        private const string Dashes = "-\u2013\u2014\u2015";

        // A bare word PowerShell would read as a number: 0x10, 1e3, 1kb, 12L, 0b101, 7u (the last ones PowerShell 7's).
        // A container named 1kb would otherwise arrive as "1024".
        private static readonly Regex Number = new Regex(
            @"^[+-]?(?:0x[0-9a-f]+|0b[01]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(?:u|y|uy|s|us|l|ul|n|d)?(?:kb|mb|gb|tb|pb)?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The text as is when a bare word reads back the same; else single-quoted. <paramref name="force"/> always quotes (the user opened a quote).</summary>
        public static string Quote(string text, bool force = false) => force || NeedsQuotes(text) ? SingleQuoted(text) : text;

        public static bool NeedsQuotes(string text)
        {
            if (string.IsNullOrEmpty(text) || Dashes.IndexOf(text[0]) >= 0 || Number.IsMatch(text))
            {
                return true;
            }

            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c) || Special.IndexOf(c) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        public static string SingleQuoted(string text)
        {
            var quoted = new StringBuilder(text.Length + 2).Append('\'');
            foreach (char c in text)
            {
                quoted.Append(c);
                if (SingleQuotes.IndexOf(c) >= 0)
                {
                    quoted.Append(c);
                }
            }

            return quoted.Append('\'').ToString();
        }
    }
}
