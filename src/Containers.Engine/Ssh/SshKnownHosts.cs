using System.Text;

namespace Containers.Engine.Ssh
{
    /// <summary>
    /// The known_hosts file of one run, written from the key the store pinned (or empty on first contact) and read back
    /// afterwards for the key ssh accepted. Entries are filed under a fixed alias (ssh's HostKeyAlias) rather than the
    /// address, so the pin follows the host when its address or port changes.
    /// </summary>
    internal static class SshKnownHosts
    {
        public const string Alias = "containers-host";

        public static void Write(string path, SshHostKey? pinned) =>
            File.WriteAllText(path, pinned == null ? string.Empty : Alias + " " + pinned + "\n", new UTF8Encoding(false));

        /// <summary>The key filed under the alias; null when ssh accepted none (it never got as far as the key exchange).</summary>
        public static SshHostKey? Read(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            foreach (string line in File.ReadAllLines(path).Select(line => line.Trim()))
            {
                string[] parts = line.Split(new[] { ' ', '\t' }, 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[0] == Alias && SshHostKey.TryParse(parts[1], out SshHostKey? key))
                {
                    return key;
                }
            }

            return null;
        }
    }
}
