using System.Text.RegularExpressions;

namespace Containers.Text
{
    /// <summary>
    /// The engine's container status ("Up 5 minutes", "Exited (0) 2 hours ago") in at most <see cref="MaxLength"/>
    /// characters, for the Get-Container table: a column cut mid-word ("Exited (137) Less than a secon…") hides what a
    /// reader looks for. The words stay docker's; what is dropped is said elsewhere (Created, or the full Status).
    /// </summary>
    public static class ShortStatus
    {
        /// <summary>The table's Status column is this wide: "Up Less than a second", the longest plain running status.</summary>
        public const int MaxLength = 21;

        // "Exited (137) 5 seconds ago", "Restarting (1) About a minute ago": how long ago is the least of it.
        private static readonly Regex SinceExit = new Regex(@"^((?:Exited|Restarting) \(-?\d+\)) .+ ago$", RegexOptions.CultureInvariant);

        // "Up About a minute (unhealthy)": the duration, when something must give way to the health or pause.
        private static readonly Regex Duration = new Regex(@"^Up .+? (\([^)]+\))$", RegexOptions.CultureInvariant);

        public static string Of(string? status)
        {
            if (string.IsNullOrEmpty(status))
            {
                return string.Empty;
            }

            Match exited = SinceExit.Match(status);
            string text = exited.Success ? exited.Groups[1].Value : status!.Replace("(health: starting)", "(starting)");
            if (text.Length <= MaxLength)
            {
                return text;
            }

            Match running = Duration.Match(text);
            if (running.Success && running.Groups[1].Length + 3 <= MaxLength)
            {
                return "Up " + running.Groups[1].Value;
            }

            // Nothing the engine says today is longer; cut at a word so what shows is whole words.
            int space = text.LastIndexOf(' ', MaxLength - 1);
            return space > 0 ? text.Substring(0, space) + "\u2026" : text.Substring(0, MaxLength - 1) + "\u2026";
        }
    }
}
