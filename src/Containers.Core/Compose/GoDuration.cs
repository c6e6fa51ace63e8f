using System.Globalization;
using System.Text.RegularExpressions;

namespace Containers.Compose
{
    /// <summary>
    /// Durations as compose files write them, in Go's form (time.ParseDuration): a sequence of numbers with units,
    /// "1m30s", "1.5s", "500ms", "10us"; a bare "0" is zero. The engine takes nanoseconds, or whole seconds for a stop
    /// timeout.
    /// </summary>
    public static class GoDuration
    {
        private static readonly Regex Whole = new Regex(@"^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$", RegexOptions.CultureInvariant);

        private static readonly Regex Part = new Regex(@"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)", RegexOptions.CultureInvariant);

        /// <summary>The duration in nanoseconds; false for text that is not a Go duration (or a negative one).</summary>
        public static bool TryParse(string text, out long nanoseconds)
        {
            nanoseconds = 0;
            if (text == "0")
            {
                return true;
            }

            if (!Whole.IsMatch(text))
            {
                return false;
            }

            decimal total = 0;
            foreach (Match part in Part.Matches(text))
            {
                decimal amount = decimal.Parse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                total += amount * part.Groups[2].Value switch
                {
                    "h" => 3_600_000_000_000m,
                    "m" => 60_000_000_000m,
                    "s" => 1_000_000_000m,
                    "ms" => 1_000_000m,
                    "ns" => 1m,
                    _ => 1_000m,
                };
                if (total > long.MaxValue)
                {
                    return false;
                }
            }

            nanoseconds = (long)total;
            return true;
        }

        /// <summary>The duration in nanoseconds; the text must have been checked with <see cref="TryParse"/>.</summary>
        public static long Nanoseconds(string text) =>
            TryParse(text, out long nanoseconds) ? nanoseconds : throw new FormatException($"'{text}' is not a duration such as 30s or 1m30s.");
    }
}
