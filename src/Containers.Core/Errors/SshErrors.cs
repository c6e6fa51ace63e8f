using Containers.Engine.Ssh;
using Containers.Output;
using Containers.Provisioning.Ssh;

namespace Containers.Errors
{
    /// <summary>
    /// What an SSH failure becomes for a PowerShell user: an id per kind of failure (scripts match on it) and its
    /// category, from <see cref="SshException.Failure"/>, never from ssh's wording.
    /// </summary>
    internal static class SshErrors
    {
        public static CommandError Classify(SshException ssh, object? target) => ssh.Failure switch
        {
            SshFailure.AuthenticationFailed => new CommandError("ContainerHostSshAuthenticationFailed", ErrorKind.AuthenticationError, ssh.Message, target, ssh,
                "Check -User and -KeyFile, and that the key's public half is in that user's ~/.ssh/authorized_keys on the machine."),
            SshFailure.HostKeyChanged => new CommandError("ContainerHostSshHostKeyChanged", ErrorKind.SecurityError, ssh.Message, target, ssh,
                "Check the machine's host key on the machine itself (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). If it was reinstalled, remove the host with -Force and create it again with -HostKey."),
            SshFailure.Unreachable => new CommandError("ContainerHostSshUnreachable", ErrorKind.ConnectionError, ssh.Message, target, ssh,
                "Check that the machine is on, that its address and SSH port are right, and that no firewall is in the way."),
            SshFailure.TimedOut => new CommandError("ContainerHostSshTimeout", ErrorKind.ConnectionError, ssh.Message, target, ssh),
            SshFailure.ClientNotFound => new CommandError("SshClientNotFound", ErrorKind.ObjectNotFound, ssh.Message, target, ssh),
            SshFailure.ScriptFailed => new CommandError("ContainerHostSshScriptFailed", ErrorKind.InvalidResult, ssh.Message, target, ssh),
            _ => new CommandError("ContainerHostSshFailed", ErrorKind.ConnectionError, ssh.Message, target, ssh),
        };
    }
}
