using Containers.Engine.Ssh;

namespace Containers.Provisioning.Ssh
{
    /// <summary>An SSH connection or remote script that failed; the message names the host and says what ssh or the script said.</summary>
    public sealed class SshException : Exception
    {
        public SshException(SshFailure failure, string message, SshResult? result = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Failure = failure;
            Result = result;
        }

        public SshFailure Failure { get; }

        /// <summary>The OpenSSH program's path.</summary>
        /// <exception cref="SshException"><see cref="SshFailure.ClientNotFound"/>, saying what to install.</exception>
        public static string FindClient(string program) =>
            SshClientProgram.TryFind(program) ?? throw new SshException(SshFailure.ClientNotFound, SshClientProgram.NotFoundMessage(program));

        /// <summary>What the run produced before it failed (exit code, output, the step it was in); null when ssh never ran.</summary>
        public SshResult? Result { get; }
    }
}
