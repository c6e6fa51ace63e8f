using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// Reads why ssh itself failed (exit code 255 before the script started) from what it printed. Its messages are
    /// stable across OpenSSH versions and platforms; anything unrecognised keeps ssh's own words.
    /// </summary>
    internal static class SshClientErrors
    {
        public static SshException Classify(SshConnection connection, string standardError, int exitCode, SshResult result)
        {
            string said = SshResult.Tail(standardError, 12);
            bool Says(params string[] phrases) => phrases.Any(phrase => standardError.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0);

            if (Says("REMOTE HOST IDENTIFICATION HAS CHANGED", "Host key verification failed", "no matching host key type"))
            {
                // ssh's own banner tells the user to edit a known_hosts file, which here is a temporary one: say it our way.
                Match offered = Regex.Match(standardError, @"The fingerprint for the (\S+) key sent by the remote host is\s+(SHA256:[A-Za-z0-9+/=]+?)\.?\s", RegexOptions.CultureInvariant);
                Match types = Regex.Match(standardError, @"Their offer: (\S+)", RegexOptions.CultureInvariant);
                string presented = offered.Success ? $"presented the {offered.Groups[1].Value} key {offered.Groups[2].Value}"
                    : types.Success ? $"offers only host keys of the types {types.Groups[1].Value}"
                    : "did not present the expected key";
                return new SshException(
                    SshFailure.HostKeyChanged,
                    $"The SSH host {connection} {presented}, not the key pinned for it ({connection.HostKey?.Type} {connection.HostKey?.Fingerprint}), so the connection was refused: "
                    + "the machine was replaced or reinstalled, or someone is intercepting the connection. If the change is expected, check the new key on the machine itself and pin it explicitly.",
                    result);
            }

            if (Says("Permission denied", "Too many authentication failures", "no mutual signature algorithm"))
            {
                return new SshException(
                    SshFailure.AuthenticationFailed,
                    $"The SSH host {connection} refused the key '{connection.IdentityFile}' for the user '{connection.User}'. Check that its public key is in that user's authorized_keys. ssh said: " + said,
                    result);
            }

            if (Says("Connection refused", "Connection timed out", "timed out", "No route to host", "Network is unreachable", "Could not resolve hostname", "Name or service not known", "Connection reset", "Connection closed by remote host", "kex_exchange_identification"))
            {
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
