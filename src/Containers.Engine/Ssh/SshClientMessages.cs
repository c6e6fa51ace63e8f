using System.Text.RegularExpressions;

namespace Containers.Engine.Ssh
{
    /// <summary>
    /// Reads why ssh itself failed from what it printed. Its messages are stable across OpenSSH versions and
    /// platforms; what is not recognised here is left to the caller, with ssh's own words.
    /// </summary>
    internal static class SshClientMessages
    {
        /// <summary>The kind of failure ssh reported; null when its words are none of the known ones.</summary>
        public static SshFailure? Recognize(string standardError)
        {
            bool Says(params string[] phrases) => phrases.Any(phrase => standardError.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0);

            if (Says("REMOTE HOST IDENTIFICATION HAS CHANGED", "Host key verification failed", "no matching host key type"))
            {
                return SshFailure.HostKeyChanged;
            }

            if (Says("Permission denied", "Too many authentication failures", "no mutual signature algorithm"))
            {
                return SshFailure.AuthenticationFailed;
            }

            if (Says("Connection refused", "Connection timed out", "timed out", "No route to host", "Network is unreachable", "Could not resolve hostname", "Name or service not known", "Connection reset", "Connection closed by remote host", "kex_exchange_identification"))
            {
                return SshFailure.Unreachable;
            }

            return null;
        }

        /// <summary>Whether the host's key was never known (rather than known and different).</summary>
        public static bool HostKeyUnknown(string standardError) =>
            standardError.IndexOf("host key is known for", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>What the host presented instead of the expected key, from ssh's banner: "presented the ED25519 key SHA256:...".</summary>
        public static string PresentedKey(string standardError)
        {
            Match offered = Regex.Match(standardError, @"The fingerprint for the (\S+) key sent by the remote host is\s+(SHA256:[A-Za-z0-9+/=]+?)\.?\s", RegexOptions.CultureInvariant);
            Match types = Regex.Match(standardError, @"Their offer: (\S+)", RegexOptions.CultureInvariant);
            return offered.Success ? $"presented the {offered.Groups[1].Value} key {offered.Groups[2].Value}"
                : types.Success ? $"offers only host keys of the types {types.Groups[1].Value}"
                : "did not present the expected key";
        }

        /// <summary>The last lines of a stream, enough to say why without flooding an error record.</summary>
        public static string Tail(string text, int lines = 20) =>
            string.Join("\n", Enumerable.Reverse(Enumerable.Reverse(text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n')).Take(lines))).Trim();
    }
}
