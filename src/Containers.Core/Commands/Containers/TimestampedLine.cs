using Containers.Text;

namespace Containers.Commands.Containers
{
    /// <summary>A log line asked for with timestamps: an RFC 3339 time, one space, then the text (container and service logs).</summary>
    internal static class TimestampedLine
    {
        /// <returns>The text after the time; the whole line, and no time, when it does not start with one.</returns>
        public static string Split(string line, out DateTime? time)
        {
            int space = line.IndexOf(' ');
            time = space > 0 ? EngineTime.Parse(line.Substring(0, space)) : null;
            return time.HasValue ? line.Substring(space + 1) : line;
        }
    }
}
