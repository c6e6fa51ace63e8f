using System.Security.Cryptography;
using System.Text;

namespace Containers.Engine.Ssh
{
    /// <summary>
    /// A host's SSH public key as OpenSSH writes it ("ssh-ed25519 AAAA..."): what the store pins on first contact and
    /// what every later connection must be offered again.
    /// </summary>
    public sealed class SshHostKey : IEquatable<SshHostKey>
    {
        private SshHostKey(string type, string data)
        {
            Type = type;
            Data = data;
        }

        /// <summary>The key type: ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, ...</summary>
        public string Type { get; }

        /// <summary>The key blob, base64 as in known_hosts and authorized_keys.</summary>
        public string Data { get; }

        /// <summary>"SHA256:..." as ssh and ssh-keygen -l print it, for messages.</summary>
        public string Fingerprint
        {
            get
            {
                using var sha = SHA256.Create();
                return "SHA256:" + Convert.ToBase64String(sha.ComputeHash(Convert.FromBase64String(Data))).TrimEnd('=');
            }
        }

        /// <summary>
        /// The host key algorithms a connection may accept for this key, so the server cannot switch to another key type
        /// it also holds (an RSA key is used with its SHA-2 signatures, or the SHA-1 one old servers still offer).
        /// </summary>
        public string HostKeyAlgorithms => Type == "ssh-rsa" ? "rsa-sha2-512,rsa-sha2-256,ssh-rsa" : Type;

        /// <summary>Reads "TYPE BASE64 [comment]" (a .pub file, or the key part of a known_hosts line).</summary>
        /// <exception cref="FormatException">Not an OpenSSH public key, or its blob names another type than the text does.</exception>
        public static SshHostKey Parse(string text)
        {
            string[] parts = (text ?? string.Empty).Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                throw new FormatException($"'{text}' is not an SSH public key: expected the key type and its base64 data, as in \"ssh-ed25519 AAAAC3Nza...\".");
            }

            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                throw new FormatException($"'{text}' is not an SSH public key: its data is not base64.");
            }

            // The blob starts with its own type as an SSH string (a 4-byte big-endian length, then the name).
            string? embedded = blob.Length >= 4 ? ReadTypeName(blob) : null;
            if (!string.Equals(embedded, parts[0], StringComparison.Ordinal))
            {
                throw new FormatException($"'{text}' is not an SSH public key: its data is not a '{parts[0]}' key.");
            }

            return new SshHostKey(parts[0], parts[1]);
        }

        public static bool TryParse(string text, out SshHostKey? key)
        {
            try
            {
                key = Parse(text);
                return true;
            }
            catch (FormatException)
            {
                key = null;
                return false;
            }
        }

        public bool Equals(SshHostKey? other) => other != null && Type == other.Type && Data == other.Data;

        public override bool Equals(object? obj) => Equals(obj as SshHostKey);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Data);

        /// <summary>"TYPE BASE64", the form the host store keeps.</summary>
        public override string ToString() => Type + " " + Data;

        private static string? ReadTypeName(byte[] blob)
        {
            int length = (blob[0] << 24) | (blob[1] << 16) | (blob[2] << 8) | blob[3];
            return length > 0 && length <= blob.Length - 4 ? Encoding.ASCII.GetString(blob, 4, length) : null;
        }
    }
}
