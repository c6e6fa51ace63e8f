using System.Text;
using Containers.Engine.Models;

namespace Containers.Models
{
    /// <summary>
    /// A file, directory or link inside a container, as the engine's archive endpoint describes it: what
    /// Copy-ContainerItem -ToContainer -PassThru returns for what it copied.
    /// </summary>
    public sealed class ContainerItem
    {
        public ContainerItem(string container, string path, ContainerPathStat stat, ContainerEngine engine)
        {
            Container = container;
            Path = path;
            Name = stat.Name;
            ItemType = stat.IsDirectory ? "Directory" : stat.IsSymbolicLink ? "SymbolicLink" : stat.IsFile ? "File" : "Other";
            Length = stat.Size;
            Mode = FormatMode(stat);
            LastWriteTimeUtc = stat.ModifiedUtc;
            LinkTarget = string.IsNullOrEmpty(stat.LinkTarget) ? null : stat.LinkTarget;
            Engine = engine;
        }

        /// <summary>The container's name (or id).</summary>
        public string Container { get; }

        /// <summary>The full path inside the container.</summary>
        public string Path { get; }

        public string Name { get; }

        /// <summary>File, Directory, SymbolicLink or Other (devices, pipes, sockets).</summary>
        public string ItemType { get; }

        /// <summary>Bytes, for a file.</summary>
        public long Length { get; }

        /// <summary>As ls -l shows it, for example <c>drwxr-xr-x</c>.</summary>
        public string Mode { get; }

        public DateTime? LastWriteTimeUtc { get; }

        /// <summary>For a link, the path inside the container it resolves to.</summary>
        public string? LinkTarget { get; }

        public ContainerEngine Engine { get; }

        public override string ToString() => Container + ":" + Path;

        private static string FormatMode(ContainerPathStat stat)
        {
            int bits = stat.Permissions;
            var text = new StringBuilder(10);
            text.Append(stat.IsDirectory ? 'd' : stat.IsSymbolicLink ? 'l' : stat.IsFile ? '-' : '?');
            string letters = "rwxrwxrwx";
            for (int i = 0; i < 9; i++)
            {
                bool set = (bits & (1 << (8 - i))) != 0;
                char c = set ? letters[i] : '-';
                // The set-id and sticky bits show in the execute places, as ls shows them.
                if (i == 2 && (bits & 0x800) != 0 || i == 5 && (bits & 0x400) != 0)
                {
                    c = set ? 's' : 'S';
                }
                else if (i == 8 && (bits & 0x200) != 0)
                {
                    c = set ? 't' : 'T';
                }

                text.Append(c);
            }

            return text.ToString();
        }
    }
}
