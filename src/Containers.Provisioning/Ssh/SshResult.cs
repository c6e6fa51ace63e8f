using Containers.Engine.Ssh;

namespace Containers.Provisioning.Ssh
{
    /// <summary>What a remote script did: its exit code, output, the steps it started, and the host key the connection used.</summary>
    public sealed class SshResult
    {
        public SshResult(SshConnection connection, SshScript script, int exitCode, string standardOutput, string standardError, IReadOnlyList<string> steps, SshHostKey? hostKey)
        {
            Connection = connection;
            Script = script;
            ExitCode = exitCode;
            StandardOutput = standardOutput;
            StandardError = standardError;
            Steps = steps;
            HostKey = hostKey;
        }

        public SshConnection Connection { get; }

        public SshScript Script { get; }

        public int ExitCode { get; }

        public string StandardOutput { get; }

        /// <summary>What the script wrote to standard error, without the runner's own step markers.</summary>
        public string StandardError { get; }

        /// <summary>The steps the script started, in order; the last one is where a failure happened.</summary>
        public IReadOnlyList<string> Steps { get; }

        public string? LastStep => Steps.Count > 0 ? Steps[Steps.Count - 1] : null;

        /// <summary>The key the host presented: the pinned one, or on first contact the one accepted, for the store to pin.</summary>
        public SshHostKey? HostKey { get; }

        public bool Succeeded => ExitCode == 0;

        /// <summary>Returns this result when the script exited 0.</summary>
        /// <exception cref="SshException"><see cref="SshFailure.ScriptFailed"/>, naming the step, the exit code and the script's last words.</exception>
        public SshResult EnsureSuccess()
        {
            if (Succeeded)
            {
                return this;
            }

            string where = LastStep == null ? string.Empty : $" in its step '{LastStep}'";
            string said = SshClientMessages.Tail(StandardError);
            throw new SshException(
                SshFailure.ScriptFailed,
                $"The remote script '{Script.Name}' on {Connection} failed{where} with exit code {ExitCode}" + (said.Length == 0 ? "." : ": " + said),
                this);
        }
    }
}
