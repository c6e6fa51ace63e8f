namespace Containers.Completion
{
    /// <summary>
    /// Which containers a command's -Name offers: those the command can act on. Start-Container offers stopped ones
    /// (created or exited), Stop-Container and Suspend-Container running ones, Resume-Container paused ones; every other
    /// command offers every container.
    /// </summary>
    public static class ContainerStates
    {
        private static readonly Dictionary<string, string[]> ByCommand = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["Start-Container"] = new[] { "created", "exited" },
            // docker stop also stops paused and restarting containers.
            ["Stop-Container"] = new[] { "running", "paused", "restarting" },
            ["Suspend-Container"] = new[] { "running" },
            ["Resume-Container"] = new[] { "paused" },
        };

        /// <summary>The states offered, or null for every container.</summary>
        /// <param name="commandName">As PowerShell names it, possibly module-qualified (Containers\Start-Container).</param>
        public static IReadOnlyCollection<string>? For(string? commandName)
        {
            string name = commandName ?? string.Empty;
            name = name.Substring(name.LastIndexOf('\\') + 1);
            return ByCommand.TryGetValue(name, out string[]? states) ? states : null;
        }
    }
}
