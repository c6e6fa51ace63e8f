using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// An exec the runtime could not start (no such working folder, user or program). The engine still answers the start
    /// as a stream, writes the runtime's error as its one line of standard output ("OCI runtime exec failed: ...") and
    /// records exit code 126 or 127 (a user it cannot find likewise, in its own words), so without this it reads as a
    /// command that printed a line and failed, naming neither the cause nor the value.
    /// </summary>
    internal sealed class ExecStartFailure
    {
        // The runtime's words, and the engine's own when it cannot find the user before asking the runtime.
        private static readonly string[] Prefixes = { "OCI runtime exec failed", "unable to find user " };

        private readonly IReadOnlyList<string> _command;
        private readonly string? _user;
        private readonly string? _workingDirectory;

        public ExecStartFailure(IReadOnlyList<string> command, string? user, string? workingDirectory)
        {
            _command = command;
            _user = user;
            _workingDirectory = workingDirectory;
        }

        /// <summary>True for the first line of a stream that may be the runtime's refusal, to hold until the exit code is known.</summary>
        public static bool MayBe(string line) => Array.Exists(Prefixes, prefix => line.StartsWith(prefix, StringComparison.Ordinal));

        /// <summary>The error for the runtime's line; null when the exit code says the command did run (then the line is output).</summary>
        public CommandError? Read(string line, int exitCode, string container)
        {
            if (exitCode != 126 && exitCode != 127)
            {
                return null;
            }

            string what = $"The command '{string.Join(" ", _command)}' could not start in container '{container}'";
            ErrorKind kind = ErrorKind.InvalidArgument;
            string cause;
            if (_workingDirectory != null && line.IndexOf("cwd", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                cause = $"the working folder '{_workingDirectory}' given to -WorkingDirectory";
            }
            else if (_user != null && line.IndexOf("user", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                cause = $"the user '{_user}' given to -User";
            }
            else if (line.IndexOf("no such file", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                cause = $"the program '{_command[0]}' was not found";
                kind = ErrorKind.ObjectNotFound;
            }
            else
            {
                cause = "the runtime refused it";
                kind = ErrorKind.InvalidOperation;
            }

            return new CommandError("CommandNotStarted", kind, $"{what}: {cause}. {line.TrimEnd()}", container);
        }
    }
}
