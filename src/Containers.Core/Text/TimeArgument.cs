using System.Globalization;
using System.Text.RegularExpressions;
using Containers.Errors;

namespace Containers.Text
{
    /// <summary>
    /// -Since and -Until as users write them: a DateTime (PowerShell converts it to invariant text), a date text, or a
    /// duration back from now as docker takes it ("10m", "1h30m", "45s").
    /// </summary>
    public static class TimeArgument
    {
        private static readonly Regex Duration = new Regex(@"^(?:(\d+(?:\.\d+)?)(h|m|s|ms))+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex DurationPart = new Regex(@"(\d+(?:\.\d+)?)(ms|h|m|s)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The engine's form: Unix seconds with a fraction.</summary>
        public static string ToEngineTime(object value, string parameterName, DateTime now) =>
            ToEngineTime(ToDateTime(value, parameterName, now));

        /// <summary>The moment meant, for callers that compare moments before sending them.</summary>
        public static DateTime ToDateTime(object value, string parameterName, DateTime now) => Parse(PlainValues.Unwrap(value), parameterName, now);

        /// <summary>The engine's form of a moment: Unix seconds with a fraction.</summary>
        public static string ToEngineTime(DateTime when)
        {
            double seconds = (when.ToUniversalTime() - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
            return seconds.ToString("0.000000000", CultureInfo.InvariantCulture);
        }

        private static DateTime Parse(object? value, string parameterName, DateTime now)
        {
            switch (value)
            {
                case DateTime dateTime:
                    return dateTime;
                case DateTimeOffset offset:
                    return offset.UtcDateTime;
                case TimeSpan span:
                    return now - span;
                case string text:
                    text = text.Trim();
                    if (Duration.IsMatch(text))
                    {
                        double milliseconds = 0;
                        foreach (Match part in DurationPart.Matches(text))
                        {
                            double amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
                            milliseconds += part.Groups[2].Value.ToLowerInvariant() switch
                            {
                                "h" => amount * 3_600_000,
                                "m" => amount * 60_000,
                                "s" => amount * 1000,
                                _ => amount,
                            };
                        }

                        return now - TimeSpan.FromMilliseconds(milliseconds);
                    }

                    if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out DateTime invariant)
                        || DateTime.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AssumeLocal, out invariant))
                    {
                        return invariant;
                    }

                    break;
            }

            throw new InvalidParameterException(parameterName, value,
                $"The time '{value}' is not valid: give a DateTime, a date such as 2024-05-01T10:00:00, or a duration back from now such as 10m or 1h30m.");
        }
    }
}
