using System.Globalization;
using System.Text.RegularExpressions;

namespace Containers.Text
{
    /// <summary>
    /// Durations as compose files write them, in Go's syntax ("30s", "1m30s", "1.5h", "500ms", "10us"): the engine takes
    /// durations in nanoseconds. A bare number is seconds, as the compose loader reads it.
    /// </summary>
    public static class GoDuration
    {
        private static readonly Regex Whole = new Regex(@"^(?:\d+(?:\.\d*)?(?:ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant);

        private static readonly Regex Part = new Regex(@"(\d+(?:\.\d*)?)(ns|us|µs|ms|s|m|h)", RegexOptions.CultureInvariant);

        /// <summary>The duration in nanoseconds, or null when <paramref name="text"/> is not one.</summary>
        public static long? TryParseNanoseconds(string? text)
        {
            string value = (text ?? string.Empty).Trim();
            if (value == "0")
            {
                return 0;
            }

            if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds))
            {
                return (long)Math.Round(seconds * 1e9);
            }

            if (!Whole.IsMatch(value))
            {
                return null;
            }

            double total = 0;
            foreach (Match part in Part.Matches(value))
            {
                double number = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
                total += number * part.Groups[2].Value switch
                {
                    "ns" => 1d,
                    "us" or "µs" => 1e3,
                    "ms" => 1e6,
                    "s" => 1e9,
                    "m" => 60e9,
                    _ => 3600e9,
                };
            }

            return (long)Math.Round(total);
        }
    }
}
