using System.Text;
using System.Text.RegularExpressions;

namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// A file to put on the remote host as part of a script, so no scp or sftp is needed: its content travels base64 in a
    /// here-document, is written under a temporary name with the final mode already set (a key is never readable by
    /// others, not even for a moment), and is renamed into place in one step.
    /// </summary>
    public sealed class RemoteFile
    {
        private static readonly Regex ModePattern = new Regex("^0?[0-7]{3}$", RegexOptions.CultureInvariant);

        /// <param name="path">Absolute path on the remote host.</param>
        /// <param name="mode">Octal permission bits: "0600" for keys, "0644" for certificates and configuration.</param>
        public RemoteFile(string path, byte[] content, string mode)
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/' || path.EndsWith("/", StringComparison.Ordinal) || path.IndexOf('\n') >= 0)
            {
                throw new ArgumentException($"'{path}' is not an absolute file path on a Linux host.", nameof(path));
            }

            if (!ModePattern.IsMatch(mode ?? string.Empty))
            {
                throw new ArgumentException($"'{mode}' is not an octal file mode such as 0600.", nameof(mode));
            }

            Path = path;
            Content = content ?? throw new ArgumentNullException(nameof(content));
            Mode = mode!;
        }

        public RemoteFile(string path, string text, string mode)
            : this(path, new UTF8Encoding(false).GetBytes(text ?? string.Empty), mode)
        {
        }

        public string Path { get; }

        public byte[] Content { get; }

        public string Mode { get; }

        /// <summary>Shell commands that write the file (its folder made if missing); they fail, under <c>set -e</c>, if any part does.</summary>
        public string ToShell()
        {
            string folder = Path.Substring(0, Math.Max(1, Path.LastIndexOf('/')));
            string target = ShellQuoting.Quote(Path);
            string temporary = ShellQuoting.Quote(Path + ".containers-new");
            var script = new StringBuilder();
            script.Append("mkdir -p ").Append(ShellQuoting.Quote(folder)).Append('\n');
            script.Append("rm -f ").Append(temporary).Append('\n');
            script.Append("(umask 077 && : > ").Append(temporary).Append(")\n");
            script.Append("chmod ").Append(Mode).Append(' ').Append(temporary).Append('\n');
            script.Append("base64 -d > ").Append(temporary).Append(" <<'CONTAINERS_FILE_END'\n");
            string encoded = Convert.ToBase64String(Content);
            for (int i = 0; i < encoded.Length; i += 76)
            {
                script.Append(encoded, i, Math.Min(76, encoded.Length - i)).Append('\n');
            }

            script.Append("CONTAINERS_FILE_END\n");
            script.Append("mv -f ").Append(temporary).Append(' ').Append(target).Append('\n');
            return script.ToString();
        }
    }
}
