namespace Containers.Engine.Archives
{
    /// <summary>One file, directory or link of this machine, with its name inside the archive <see cref="TarWriterStream"/> writes.</summary>
    internal sealed class TarWriterEntry
    {
        public TarWriterEntry(string archiveName, FileSystemInfo source, TarEntryKind kind, string? linkTarget)
        {
            ArchiveName = archiveName;
            Source = source;
            Kind = kind;
            LinkTarget = linkTarget;
        }

        /// <summary>'/'-separated, relative to the archive's root; a directory's ends with '/'.</summary>
        public string ArchiveName { get; }

        public FileSystemInfo Source { get; }

        public TarEntryKind Kind { get; }

        public string? LinkTarget { get; }
    }
}
