using System.Globalization;

namespace Containers.Text
{
    /// <summary>Durations in docker's words: "Less than a second", "5 minutes", "About an hour", "3 days".</summary>
    public static class HumanDuration
    {
        public static string Of(TimeSpan span)
        {
            double seconds = Math.Max(0, span.TotalSeconds);
            if (seconds < 1)
            {
                return "Less than a second";
            }

            if (seconds < 60)
            {
                return Count((int)seconds, "second");
            }

            double minutes = seconds / 60;
            if (minutes < 60)
            {
                return (int)minutes == 1 ? "About a minute" : Count((int)minutes, "minute");
            }

            double hours = minutes / 60;
            if (hours < 48)
            {
                return (int)Math.Round(hours) == 1 ? "About an hour" : Count((int)Math.Round(hours), "hour");
            }

            double days = hours / 24;
            if (days < 14)
            {
                return Count((int)days, "day");
            }

            if (days < 60)
            {
                return Count((int)(days / 7), "week");
            }

            if (days < 730)
            {
                return Count((int)(days / 30), "month");
            }

            return Count((int)(days / 365), "year");
        }

        private static string Count(int value, string unit) =>
            value.ToString(CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? string.Empty : "s");
    }
}
