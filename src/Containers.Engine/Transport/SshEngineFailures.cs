using System.Globalization;
using Containers.Engine.Errors;
using Containers.Engine.Ssh;

namespace Containers.Engine.Transport
{
    /// <summary>
    /// Why an ssh:// engine could not be reached, told from what ssh and the remote <c>docker system dial-stdio</c>
    /// wrote to standard error, each naming the engine's address: the user acts on "the host key is not known", not on
    /// "the connection closed".
    /// </summary>
    internal static class SshEngineFailures
    {
        /// <summary>ssh ended before it logged in.</summary>
        /// <param name="pinned">The host store's pin the connection was checked against; null when known_hosts was.</param>
        public static EngineException BeforeLogin(EngineEndpoint endpoint, string standardError, int exitCode, SshConnection? pinned)
        {
            string prefix = $"Cannot connect to the engine at {endpoint}: ";
            string said = SshClientMessages.Tail(standardError, 12);
            switch (SshClientMessages.Recognize(standardError))
            {
                case SshFailure.HostKeyChanged when pinned != null:
                    return new EngineConnectionException(prefix + $"the SSH host {endpoint.Host} {SshClientMessages.PresentedKey(standardError)}, not the key the host store pinned for it ({pinned.HostKey?.Type} {pinned.HostKey?.Fingerprint}), so the connection was refused: "
                        + "the machine was replaced or reinstalled, or someone is intercepting the connection. If the change is expected, check the new key on the machine itself, then remove the host with -Force and create it again with -HostKey. ssh said: " + said);
                case SshFailure.HostKeyChanged when SshClientMessages.HostKeyUnknown(standardError):
                    return new EngineConnectionException(prefix + $"the SSH host {endpoint.Host} is not in known_hosts, and ssh asks nothing here (BatchMode), so it refused to connect. "
                        + $"Check the host's key on the host itself, then add it (ssh-keyscan{PortOption(endpoint, "-p")} {endpoint.Host} >> ~/.ssh/known_hosts, or log in once with ssh). ssh said: {said}");
                case SshFailure.HostKeyChanged:
                    return new EngineConnectionException(prefix + $"the SSH host {endpoint.Host} {SshClientMessages.PresentedKey(standardError)}, not the key known_hosts holds for it, so the connection was refused: "
                        + $"the machine was replaced or reinstalled, or someone is intercepting the connection. If the change is expected, check the new key on the machine itself and replace the old one (ssh-keygen -R {endpoint.Host}). ssh said: {said}");
                case SshFailure.AuthenticationFailed:
                    string user = endpoint.User ?? pinned?.User ?? string.Empty;
                    string keys = pinned == null ? "a key of yours (ssh-agent, ~/.ssh/config, ~/.ssh/id_*)" : $"the key '{pinned.IdentityFile}' the host store recorded";
                    return new EngineAuthenticationException(prefix + $"the SSH host {endpoint.Host} refused the login{(user.Length == 0 ? string.Empty : " of '" + user + "'")}. "
                        + $"Check that {keys} is in that user's authorized_keys on the host. ssh said: {said}", null);
                case SshFailure.Unreachable:
                    return new EngineConnectionException(prefix + $"the SSH host could not be reached: {said}");
                default:
                    return new EngineConnectionException(prefix + $"ssh failed (exit code {exitCode.ToString(CultureInfo.InvariantCulture)}): {said}");
            }
        }

        /// <summary>ssh logged in, but the remote command ended before the engine answered anything.</summary>
        public static EngineConnectionException AfterLogin(EngineEndpoint endpoint, string standardError, int? exitCode)
        {
            string said = SshClientMessages.Tail(standardError, 12);
            string prefix = $"Cannot connect to the engine at {endpoint}: ";
            // 127 is the shell's "no such command"; dash says "docker: not found", bash "docker: command not found".
            if (exitCode == 127 || said.IndexOf("docker: command not found", StringComparison.OrdinalIgnoreCase) >= 0 || said.IndexOf("docker: not found", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return new EngineConnectionException(prefix + $"the docker CLI, which serves the engine over ssh (docker system dial-stdio), is not installed on {endpoint.Host} or not on the PATH of a non-interactive ssh session. The host said: {said}");
            }

            string code = exitCode == null ? string.Empty : $" (exit code {exitCode.Value.ToString(CultureInfo.InvariantCulture)})";
            return new EngineConnectionException(prefix + $"docker system dial-stdio on {endpoint.Host} could not reach the engine there{code}. Is the Docker engine running on that host? "
                + (said.Length == 0 ? "It said nothing." : "It said: " + said));
        }

        /// <summary>ssh neither logged in nor ended within the connect timeout; it was stopped.</summary>
        public static EngineConnectionException TimedOut(EngineEndpoint endpoint, TimeSpan limit, string standardError)
        {
            string said = SshClientMessages.Tail(standardError, 12);
            return new EngineConnectionException($"Cannot connect to the engine at {endpoint}: ssh did not log in to {endpoint.Host} within {limit.TotalSeconds:0} s, so it was stopped."
                + (said.Length == 0 ? string.Empty : " ssh said: " + said));
        }

        /// <summary>No ssh program to run.</summary>
        public static EngineConnectionException ClientMissing(EngineEndpoint endpoint, string detail) =>
            new EngineConnectionException($"Cannot connect to the engine at {endpoint}: {detail}");

        private static string PortOption(EngineEndpoint endpoint, string option) =>
            endpoint.Port == 0 ? string.Empty : " " + option + " " + endpoint.Port.ToString(CultureInfo.InvariantCulture);
    }
}
