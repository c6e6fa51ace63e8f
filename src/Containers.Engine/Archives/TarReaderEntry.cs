namespace Containers.Engine.Archives
{
    /// <summary>One entry of a tar stream as <see cref="TarStreamReader"/> reads it; its data is read from the reader.</summary>
    public sealed class TarReaderEntry
    {
        public TarReaderEntry(string name, TarReaderEntryKind kind, long size, int mode, DateTime modifiedUtc, string? linkName)
        {
            Name = name;
            Kind = kind;
            Size = size;
            Mode = mode;
            ModifiedUtc = modifiedUtc;
            LinkName = linkName;
        }

        /// <summary>As written in the archive ('/'-separated; not yet checked or cleaned).</summary>
        public string Name { get; }

        public TarReaderEntryKind Kind { get; }

        /// <summary>Bytes of data that follow (files only).</summary>
        public long Size { get; }

        /// <summary>Permission bits (with set-id and sticky bits).</summary>
        public int Mode { get; }

        public DateTime ModifiedUtc { get; }

        /// <summary>A symbolic link's target, or a hard link's source entry.</summary>
        public string? LinkName { get; }
    }

    public enum TarReaderEntryKind
    {
        File,
        Directory,
        SymbolicLink,
        HardLink,

        /// <summary>Devices, FIFOs and anything else a copy to the file system leaves out.</summary>
        Other,
    }
}
