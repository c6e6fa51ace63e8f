using System.IO;
using Containers.Engine.Archives;

namespace Containers.Engine.Build
{
    /// <summary>One file, directory or link of a build context, with its name inside the archive.</summary>
    internal sealed class BuildContextEntry
    {
        public BuildContextEntry(string archiveName, FileSystemInfo source, TarEntryKind kind, string? linkTarget)
        {
            ArchiveName = archiveName;
            Source = source;
            Kind = kind;
            LinkTarget = linkTarget;
        }

        /// <summary>'/'-separated, relative to the context root; a directory's ends with '/'.</summary>
        public string ArchiveName { get; }

        public FileSystemInfo Source { get; }

        public TarEntryKind Kind { get; }

        public string? LinkTarget { get; }
    }
}
