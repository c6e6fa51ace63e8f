namespace Containers.Engine.Ssh
{
    /// <summary>Why an SSH run failed, so a driver can map it to an error category without reading messages.</summary>
    public enum SshFailure
    {
        /// <summary>No OpenSSH client (ssh, ssh-keyscan) was found.</summary>
        ClientNotFound,

        /// <summary>The host did not answer: refused, timed out, no route, unknown name.</summary>
        Unreachable,

        /// <summary>The host refused the key (or the user).</summary>
        AuthenticationFailed,

        /// <summary>The host presented another key than the one pinned.</summary>
        HostKeyChanged,

        /// <summary>Connected, but the script (or sudo before it) exited non-zero.</summary>
        ScriptFailed,

        /// <summary>The run did not finish within its time limit; the client was killed.</summary>
        TimedOut,

        /// <summary>ssh failed in a way none of the above describes; the message holds its own words.</summary>
        ConnectionFailed,
    }
}
