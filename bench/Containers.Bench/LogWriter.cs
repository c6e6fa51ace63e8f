using System.Globalization;

namespace Containers.Bench
{
    /// <summary>The shell command that writes a given number of bytes of equal lines to standard output, and what to expect of it.</summary>
    internal static class LogWriter
    {
        /// <summary>70 characters: a typical log line.</summary>
        public const string ShortLine = "0123456789012345678901234567890123456789012345678901234567890123456789";

        public static string[] Command(long bytes, string line) =>
            new[] { "sh", "-c", "yes " + line + " | head -c " + bytes.ToString(CultureInfo.InvariantCulture) };

        /// <summary>Whole lines, plus the unfinished one at the end (the splitter emits it on flush).</summary>
        public static long ExpectedLines(long bytes, string line) => (bytes + line.Length) / (line.Length + 1);
    }
}
