using Containers.Engine.Ssh;

namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// Says why ssh itself failed (exit code 255 before the script started), from what <see cref="SshClientMessages"/>
    /// recognises in what it printed; anything unrecognised keeps ssh's own words.
    /// </summary>
    internal static class SshClientErrors
    {
        public static SshException Classify(SshConnection connection, string standardError, int exitCode, SshResult result)
        {
            string said = SshClientMessages.Tail(standardError, 12);
            switch (SshClientMessages.Recognize(standardError))
            {
                case SshFailure.HostKeyChanged:
                    // ssh's own banner tells the user to edit a known_hosts file, which here is a temporary one: say it our way.
                    return new SshException(
                        SshFailure.HostKeyChanged,
                        $"The SSH host {connection} {SshClientMessages.PresentedKey(standardError)}, not the key pinned for it ({connection.HostKey?.Type} {connection.HostKey?.Fingerprint}), so the connection was refused: "
                        + "the machine was replaced or reinstalled, or someone is intercepting the connection. If the change is expected, check the new key on the machine itself and pin it explicitly.",
                        result);
                case SshFailure.AuthenticationFailed:
                    return new SshException(
                        SshFailure.AuthenticationFailed,
                        $"The SSH host {connection} refused the key '{connection.IdentityFile}' for the user '{connection.User}'. Check that its public key is in that user's authorized_keys. ssh said: " + said,
                        result);
                case SshFailure.Unreachable:
                    return new SshException(SshFailure.Unreachable, $"The SSH host {connection} could not be reached: {said}", result);
            }

            if (exitCode != 255)
            {
                // ssh connected, but the remote command never started the script: sudo wanting a password, no sh.
                return new SshException(SshFailure.ScriptFailed, $"The remote script '{result.Script.Name}' could not start on {connection} (exit code {exitCode}): {said}", result);
            }

            return new SshException(SshFailure.ConnectionFailed, $"ssh failed to connect to {connection} (exit code {exitCode}): {said}", result);
        }
    }
}
