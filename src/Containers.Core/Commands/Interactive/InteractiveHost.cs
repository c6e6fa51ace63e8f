using Containers.Output;

namespace Containers.Commands.Interactive
{
    /// <summary>
    /// What the cmdlet found out about the PowerShell host it runs in, and the one decision made from it: whether an
    /// interactive session can work here. Without a console nobody can type into the session and nothing can show its
    /// output, so a session would wait for ever; it is refused at once instead, before the engine is asked for anything.
    /// </summary>
    public sealed class InteractiveHost
    {
        /// <summary>
        /// Hosts whose input and output are a real terminal. ConsoleHost is pwsh and powershell.exe, also inside Windows
        /// Terminal and VS Code's plain terminals. 'Visual Studio Code Host' is the PowerShell extension's integrated
        /// console: since the extension's 2021 releases it runs in a real VS Code terminal (a pseudo-terminal, with
        /// PSReadLine reading System.Console), so sessions work there as in ConsoleHost; were its console ever not a
        /// terminal, the redirection checks below still refuse. Everything else is refused: 'Default Host' (jobs,
        /// runspaces, Azure Automation), 'ServerRemoteHost' (remoting), 'Windows PowerShell ISE Host' (no console).
        /// </summary>
        public static readonly IReadOnlyCollection<string> ConsoleHosts = new[] { "ConsoleHost", "Visual Studio Code Host" };

        public string HostName { get; set; } = string.Empty;

        public bool IsInputRedirected { get; set; }

        public bool IsOutputRedirected { get; set; }

        /// <summary><c>[Environment]::UserInteractive</c>: false in services and non-interactive window stations.</summary>
        public bool UserInteractive { get; set; } = true;

        /// <summary>PowerShell was started with -NonInteractive (see <see cref="NonInteractiveSwitch"/>).</summary>
        public bool NonInteractive { get; set; }

        /// <summary>The host offers a raw UI (<c>$Host.UI.RawUI</c>); hosts without a console give none.</summary>
        public bool HasRawUserInterface { get; set; } = true;

        /// <summary>Null when a session can run here; otherwise the error that says why not.</summary>
        public CommandError? Refusal(string target)
        {
            string? reason = Reason();
            if (reason == null)
            {
                return null;
            }

            string message = $"Enter-Container needs an interactive console, and {reason}. Use Invoke-ContainerCommand to run commands without one.";
            return new CommandError(
                "InteractiveConsoleRequired",
                ErrorKind.InvalidOperation,
                message,
                target,
                new InvalidOperationException(message),
                "Run Enter-Container in pwsh or powershell.exe in a terminal, or use Invoke-ContainerCommand.");
        }

        private string? Reason()
        {
            bool knownConsole = false;
            foreach (string name in ConsoleHosts)
            {
                knownConsole |= string.Equals(name, HostName, StringComparison.OrdinalIgnoreCase);
            }

            if (!knownConsole)
            {
                return $"the PowerShell host '{HostName}' is not a console (jobs, remoting and Azure Automation have none)";
            }

            if (NonInteractive)
            {
                return "PowerShell was started with -NonInteractive";
            }

            if (!UserInteractive)
            {
                return "the process does not run in an interactive session";
            }

            if (!HasRawUserInterface)
            {
                return $"the host '{HostName}' offers no raw console interface";
            }

            if (IsInputRedirected || IsOutputRedirected)
            {
                string which = IsInputRedirected && IsOutputRedirected ? "input and output are" : IsInputRedirected ? "input is" : "output is";
                return $"the console's {which} redirected";
            }

            return null;
        }
    }
}
