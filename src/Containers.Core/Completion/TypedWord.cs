using Containers.Text;

namespace Containers.Completion
{
    /// <summary>
    /// The word being completed, as PowerShell hands it over (possibly with an opening quote), and what it matches: names
    /// starting with it, ignoring case; with wildcards, names matching it as a pattern with <c>*</c> appended.
    /// </summary>
    public sealed class TypedWord
    {
        private const string Quotes = "'\"\u2018\u2019\u201A\u201B\u201C\u201D\u201E";

        private readonly Wildcard? _pattern;

        private TypedWord(string text, bool quoted)
        {
            Text = text;
            Quoted = quoted;
            _pattern = Wildcard.ContainsWildcard(text) ? new Wildcard(text + "*") : null;
        }

        /// <summary>What was typed, without its quotes.</summary>
        public string Text { get; }

        /// <summary>True when the user opened a quote: the completion keeps one.</summary>
        public bool Quoted { get; }

        public static TypedWord Parse(string? word)
        {
            string text = word ?? string.Empty;
            if (text.Length == 0 || Quotes.IndexOf(text[0]) < 0)
            {
                return new TypedWord(text, false);
            }

            bool single = "'\u2018\u2019\u201A\u201B".IndexOf(text[0]) >= 0;
            text = text.Substring(1);
            if (text.Length > 0 && Quotes.IndexOf(text[text.Length - 1]) >= 0)
            {
                text = text.Substring(0, text.Length - 1);
            }

            // Inside single quotes a doubled quote is one quote.
            return new TypedWord(single ? text.Replace("''", "'") : text, true);
        }

        public bool Matches(string name) =>
            _pattern != null ? _pattern.IsMatch(name) : name.StartsWith(Text, StringComparison.OrdinalIgnoreCase);
    }
}
