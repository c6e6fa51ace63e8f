namespace Containers.Engine.Archives
{
    /// <summary>
    /// Unpacks a tar stream (from a container) into a folder without ever writing outside it: absolute names and names
    /// with '..' are refused, nothing is written through a symbolic link (a link may point anywhere; what it points at is
    /// never written), existing files are replaced only when allowed, a file appears whole or not at all (written beside
    /// itself and moved into place), and permissions and modification times are kept. A refused entry stops the
    /// extraction with an error that names it; what was extracted before it stays, inside the folder.
    /// </summary>
    public sealed class ArchiveExtractor
    {
        private readonly string _root;
        private readonly bool _overwrite;

        /// <param name="destination">An existing folder.</param>
        /// <param name="overwrite">Replace files that already exist (-Force); otherwise an existing file is an error.</param>
        public ArchiveExtractor(string destination, bool overwrite)
        {
            _root = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            _overwrite = overwrite;
        }

        /// <summary>Files, directories and links written, in archive order.</summary>
        public List<string> Written { get; } = new List<string>();

        /// <summary>Entries left out because this runtime or file system cannot hold them (devices, links on Windows PowerShell).</summary>
        public List<string> Skipped { get; } = new List<string>();

        /// <exception cref="UnsafeArchiveEntryException">An entry would land outside the folder, or through a link.</exception>
        /// <exception cref="IOException">A file exists and <c>overwrite</c> is off, or the file system refused a write.</exception>
        /// <exception cref="InvalidDataException">The stream is not a tar archive.</exception>
        public async Task ExtractAsync(Stream tar, CancellationToken cancellationToken = default)
        {
            if (!Directory.Exists(_root))
            {
                throw new DirectoryNotFoundException($"The destination folder '{_root}' does not exist.");
            }

            var reader = new TarStreamReader(tar);
            var directoryTimes = new List<(string Path, DateTime Modified, int Mode)>();
            for (TarReaderEntry? entry; (entry = await reader.NextAsync(cancellationToken).ConfigureAwait(false)) != null;)
            {
                string? target = Resolve(entry);
                if (target == null)
                {
                    continue; // the archive's own root ("./")
                }

                switch (entry.Kind)
                {
                    case TarReaderEntryKind.Directory:
                        EnsureNotThroughLink(entry, target, includeSelf: true);
                        if (File.Exists(target))
                        {
                            throw new IOException($"'{target}' is a file where the archive has the directory '{entry.Name}'.");
                        }

                        Directory.CreateDirectory(target);
                        directoryTimes.Add((target, entry.ModifiedUtc, entry.Mode));
                        Written.Add(target);
                        break;

                    case TarReaderEntryKind.File:
                        EnsureNotThroughLink(entry, target, includeSelf: true);
                        await WriteFileAsync(reader, entry, target, cancellationToken).ConfigureAwait(false);
                        Written.Add(target);
                        break;

                    case TarReaderEntryKind.SymbolicLink:
                        EnsureNotThroughLink(entry, target, includeSelf: false);
                        WriteLink(entry, target);
                        break;

                    case TarReaderEntryKind.HardLink:
                        EnsureNotThroughLink(entry, target, includeSelf: true);
                        CopyHardLink(entry, target);
                        Written.Add(target);
                        break;

                    default:
                        Skipped.Add(entry.Name);
                        break;
                }
            }

            // Last, and deepest first: writing into a directory changes its time.
            foreach ((string path, DateTime modified, int mode) in directoryTimes.OrderByDescending(d => d.Path.Length))
            {
                Directory.SetLastWriteTimeUtc(path, modified);
                FileSystemFacts.SetMode(path, mode);
            }
        }

        /// <summary>The entry's place under the root; null for the root itself.</summary>
        private string? Resolve(TarReaderEntry entry)
        {
            string name = entry.Name.Replace('\\', '/');
            if (name.StartsWith("/", StringComparison.Ordinal) || (name.Length >= 2 && name[1] == ':'))
            {
                throw new UnsafeArchiveEntryException(entry.Name, "its name is an absolute path");
            }

            var parts = new List<string>();
            foreach (string part in name.Split('/'))
            {
                if (part.Length == 0 || part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    throw new UnsafeArchiveEntryException(entry.Name, "its name climbs out with '..'");
                }

                if (part.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                {
                    throw new UnsafeArchiveEntryException(entry.Name, "its name has characters this file system cannot hold");
                }

                parts.Add(part);
            }

            if (parts.Count == 0)
            {
                return null;
            }

            string target = Path.GetFullPath(Path.Combine(new[] { _root }.Concat(parts).ToArray()));
            if (!target.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new UnsafeArchiveEntryException(entry.Name, "it would land outside the destination");
            }

            return target;
        }

        /// <summary>Refuses an entry whose way from the root (or, with <paramref name="includeSelf"/>, itself) passes through a link.</summary>
        private void EnsureNotThroughLink(TarReaderEntry entry, string target, bool includeSelf)
        {
            string relative = target.Substring(_root.Length + 1);
            string[] parts = relative.Split(Path.DirectorySeparatorChar);
            string current = _root;
            for (int i = 0; i < parts.Length; i++)
            {
                current = Path.Combine(current, parts[i]);
                if (i == parts.Length - 1 && !includeSelf)
                {
                    break;
                }

                FileAttributes attributes;
                try
                {
                    // Attributes of the name itself: a link, even one whose target is missing, shows as a reparse point.
                    attributes = new FileInfo(current).Attributes;
                }
                catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
                {
                    break;
                }

                if ((int)attributes == -1)
                {
                    break; // nothing by that name yet, so nothing further down exists either
                }

                if ((attributes & FileAttributes.ReparsePoint) != 0)
                {
                    throw new UnsafeArchiveEntryException(entry.Name, $"it would be written through the symbolic link '{current}'");
                }
            }
        }

        private async Task WriteFileAsync(TarStreamReader reader, TarReaderEntry entry, string target, CancellationToken cancellationToken)
        {
            if (Directory.Exists(target))
            {
                throw new IOException($"'{target}' is a directory where the archive has the file '{entry.Name}'.");
            }

            if (File.Exists(target) && !_overwrite)
            {
                throw new IOException($"'{target}' already exists; use -Force to replace it.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            string temporary = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".part");
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
                {
                    var buffer = new byte[64 * 1024];
                    int read;
                    while ((read = await reader.ReadDataAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await file.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                    }
                }

                FileSystemFacts.SetMode(temporary, entry.Mode);
                File.SetLastWriteTimeUtc(temporary, entry.ModifiedUtc);
                if (File.Exists(target))
                {
                    File.Delete(target);
                }

                File.Move(temporary, target);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        private void WriteLink(TarReaderEntry entry, string target)
        {
            if (!FileSystemFacts.CanCreateSymbolicLinks)
            {
                Skipped.Add(entry.Name);
                return;
            }

            if (File.Exists(target) || Directory.Exists(target))
            {
                if (!_overwrite)
                {
                    throw new IOException($"'{target}' already exists; use -Force to replace it.");
                }

                if (Directory.Exists(target) && (File.GetAttributes(target) & FileAttributes.ReparsePoint) == 0)
                {
                    throw new IOException($"'{target}' is a directory where the archive has the link '{entry.Name}'.");
                }

                File.Delete(target);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            FileSystemFacts.CreateLink(target, entry.LinkName ?? string.Empty);
            Written.Add(target);
        }

        private void CopyHardLink(TarReaderEntry entry, string target)
        {
            // The source is an earlier entry of the same archive: it must resolve inside the destination too.
            var source = new TarReaderEntry(entry.LinkName ?? string.Empty, TarReaderEntryKind.File, 0, entry.Mode, entry.ModifiedUtc, null);
            string? from;
            try
            {
                from = Resolve(source);
                if (from != null)
                {
                    EnsureNotThroughLink(source, from, includeSelf: true);
                }
            }
            catch (UnsafeArchiveEntryException e)
            {
                throw new UnsafeArchiveEntryException(entry.Name, $"it links to '{entry.LinkName}', which is not in the destination ({e.Message})");
            }

            if (from == null || !File.Exists(from))
            {
                throw new UnsafeArchiveEntryException(entry.Name, $"it links to '{entry.LinkName}', which the archive did not hold before it");
            }

            if (File.Exists(target) && !_overwrite)
            {
                throw new IOException($"'{target}' already exists; use -Force to replace it.");
            }

            File.Copy(from, target, overwrite: true);
        }
    }
}
