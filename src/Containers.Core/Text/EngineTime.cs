using System.Globalization;

namespace Containers.Text
{
    /// <summary>The engine's RFC 3339 times (with nanoseconds, which DateTime cannot hold) as local DateTime.</summary>
    public static class EngineTime
    {
        /// <summary>Null for empty text and for Go's zero time (0001-01-01), which the engine uses for "never".</summary>
        public static DateTime? Parse(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.StartsWith("0001-01-01", StringComparison.Ordinal))
            {
                return null;
            }

            string trimmed = TrimFraction(text);
            return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
                ? value.LocalDateTime
                : (DateTime?)null;
        }

        // .NET parses at most 7 fractional digits; the engine writes 9.
        private static string TrimFraction(string text)
        {
            int dot = text.IndexOf('.');
            if (dot < 0)
            {
                return text;
            }

            int end = dot + 1;
            while (end < text.Length && char.IsDigit(text[end]))
            {
                end++;
            }

            return end - dot - 1 <= 7 ? text : text.Substring(0, dot + 8) + text.Substring(end);
        }
    }
}
