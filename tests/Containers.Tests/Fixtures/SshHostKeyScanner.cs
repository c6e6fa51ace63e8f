using System.Globalization;
using Containers.Engine.Processes;
using Containers.Engine.Ssh;
using Containers.Provisioning.Ssh;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Asks a host for its public keys with ssh-keyscan, without logging in: to show the user what would be pinned, or to
    /// pin a key before the first real connection. Like any first contact, it trusts what answers.
    /// </summary>
    public sealed class SshHostKeyScanner
    {
        // The order OpenSSH itself prefers.
        private static readonly string[] Preference = { "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa" };

        private readonly string? _programPath;

        /// <param name="programPath">The ssh-keyscan program; default the one <see cref="SshException.FindClient"/> finds.</param>
        public SshHostKeyScanner(string? programPath = null)
        {
            _programPath = programPath;
        }

        /// <summary>The host's keys, most preferred first.</summary>
        /// <exception cref="SshException"><see cref="SshFailure.Unreachable"/> when the host gave no key; <see cref="SshFailure.ClientNotFound"/>.</exception>
        public async Task<IReadOnlyList<SshHostKey>> ScanAsync(string address, int port = SshConnection.DefaultPort, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            new SshConnection { Address = address, Port = port, IdentityFile = "-" }.Validate();
            string program = _programPath ?? SshException.FindClient("ssh-keyscan");
            TimeSpan limit = timeout ?? TimeSpan.FromSeconds(15);
            var error = new List<string>();
            ClientProcess.Outcome outcome;
            try
            {
                outcome = await ClientProcess.RunAsync(
                    program,
                    new[] { "-T", Math.Ceiling(limit.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "ed25519,ecdsa,rsa", "--", address.Trim('[', ']') },
                    Array.Empty<byte>(),
                    line => { lock (error) { error.Add(line); } },
                    limit + TimeSpan.FromSeconds(5),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                throw new SshException(SshFailure.Unreachable, $"The SSH host {address}:{port} did not give its host key within {limit.TotalSeconds:0} s.", null, e);
            }

            // Each line: "HOST KEYTYPE BASE64"; comments start with '#'.
            var keys = outcome.StandardOutput.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
                .Select(line => line.Split(new[] { ' ', '\t' }, 2, StringSplitOptions.RemoveEmptyEntries))
                .Where(parts => parts.Length == 2)
                .Select(parts => SshHostKey.TryParse(parts[1], out SshHostKey? key) ? key : null)
                .Where(key => key != null)
                .Select(key => key!)
                .Distinct()
                .OrderBy(key => Rank(key.Type))
                .ToList();
            if (keys.Count == 0)
            {
                string said = string.Join(" ", error.Where(line => !line.StartsWith("#", StringComparison.Ordinal))).Trim();
                throw new SshException(SshFailure.Unreachable, $"The SSH host {address}:{port} gave no host key" + (said.Length > 0 ? ": " + said : "."));
            }

            return keys;
        }

        private static int Rank(string type)
        {
            int index = Array.IndexOf(Preference, type);
            return index < 0 ? Preference.Length : index;
        }
    }
}
