namespace Containers.Engine.Archives
{
    /// <summary>
    /// A file, directory or link of this machine as a tar stream for the archive endpoint (docker cp into a container),
    /// made while it is read by the same writer as build contexts (<see cref="TarWriterStream"/>): one file open at a time, modes and modification
    /// times carried, links inside a directory archived as links.
    /// </summary>
    public static class HostPathArchive
    {
        /// <param name="source">What to pack; a link is packed as a link (what it points at, with <paramref name="contentsOnly"/> off, is not followed).</param>
        /// <param name="archiveName">The top entry's name: what the copy is called in the directory it is unpacked into.</param>
        /// <param name="contentsOnly">For a directory: its contents only, with no entry of its own (docker cp's trailing <c>/.</c>).</param>
        /// <param name="followLink">When <paramref name="source"/> itself is a link, pack what it points at (links further down stay links).</param>
        public static TarWriterStream Create(FileSystemInfo source, string archiveName, bool contentsOnly, bool followLink = false)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            return new TarWriterStream(Entries(source, archiveName.Trim('/'), contentsOnly, followLink), null, null);
        }

        private static IEnumerable<TarWriterEntry> Entries(FileSystemInfo source, string archiveName, bool contentsOnly, bool followLink)
        {
            string? link = followLink ? null : FileSystemFacts.LinkTargetOf(source);
            if (link != null)
            {
                yield return new TarWriterEntry(archiveName, source, TarEntryKind.SymbolicLink, link);
                yield break;
            }

            if (!Directory.Exists(source.FullName))
            {
                yield return new TarWriterEntry(archiveName, source, TarEntryKind.File, null);
                yield break;
            }

            string prefix = contentsOnly ? string.Empty : archiveName + "/";
            if (!contentsOnly)
            {
                yield return new TarWriterEntry(prefix, source, TarEntryKind.Directory, null);
            }

            foreach (TarWriterEntry entry in TarEntryWalker.Walk(source as DirectoryInfo ?? new DirectoryInfo(source.FullName), null))
            {
                yield return prefix.Length == 0 ? entry : new TarWriterEntry(prefix + entry.ArchiveName, entry.Source, entry.Kind, entry.LinkTarget);
            }
        }
    }
}
