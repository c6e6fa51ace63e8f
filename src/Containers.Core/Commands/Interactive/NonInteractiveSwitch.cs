namespace Containers.Commands.Interactive
{
    /// <summary>
    /// Whether PowerShell was started with -NonInteractive. No public API tells a cmdlet (the console host keeps it to
    /// itself), so this reads the process's command line the way pwsh and powershell.exe parse it: a parameter starts
    /// with '-', '--' or '/', may be shortened down to '-noni', and the scan stops at -Command, -File or a script path, after which
    /// every argument belongs to the command or script.
    /// </summary>
    public static class NonInteractiveSwitch
    {
        /// <param name="arguments">As <see cref="Environment.GetCommandLineArgs"/> gives them: the program first.</param>
        public static bool IsPresent(IReadOnlyList<string> arguments)
        {
            for (int i = 1; i < arguments.Count; i++)
            {
                string? name = ParameterName(arguments[i]);
                if (name == null)
                {
                    // A bare script path is -File given by position; other bare words are parameter values (-ex Bypass).
                    if (arguments[i].EndsWith(".ps1", StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }

                    continue;
                }

                if (IsAbbreviationOf(name, "noninteractive", 4))
                {
                    return true;
                }

                if (IsAbbreviationOf(name, "command", 1) || IsAbbreviationOf(name, "file", 1)
                    || IsAbbreviationOf(name, "encodedcommand", 1) || name == "ec" || name == "commandwithargs" || name == "cwa")
                {
                    return false;
                }
            }

            return false;
        }

        private static string? ParameterName(string argument)
        {
            if (argument.StartsWith("--", StringComparison.Ordinal))
            {
                return argument.Substring(2).ToLowerInvariant();
            }

            return argument.Length > 1 && (argument[0] == '-' || argument[0] == '/') ? argument.Substring(1).ToLowerInvariant() : null;
        }

        private static bool IsAbbreviationOf(string name, string parameter, int shortest) =>
            name.Length >= shortest && name.Length <= parameter.Length && parameter.StartsWith(name, StringComparison.Ordinal);
    }
}
