using Containers.Engine.Archives;
using Containers.Output;

namespace Containers.Files
{
    /// <summary>
    /// A copy unpacked first into a hidden folder beside where it goes, then moved into place only when it is all there
    /// and nothing in the way forbids it. So a refused or cut-off archive, a Ctrl+C or an existing file without -Force
    /// leaves the destination as it was; and the moves are renames within one folder tree, never copies.
    /// </summary>
    public sealed class StagedTree : IDisposable
    {
        private StagedTree(string folder)
        {
            Folder = folder;
        }

        /// <summary>The staging folder: unpack the archive here.</summary>
        public string Folder { get; }

        /// <summary>Makes a hidden, empty staging folder inside <paramref name="parent"/> (which must exist).</summary>
        public static StagedTree Create(string parent)
        {
            string folder = Path.Combine(parent, ".containers-copy-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            Directory.CreateDirectory(folder);
            return new StagedTree(folder);
        }

        /// <summary>
        /// Why <paramref name="staged"/> may not be moved to <paramref name="target"/>, or null when it may: an existing
        /// file without <paramref name="force"/> (named), a file where a directory is or the reverse, or a directory
        /// that would be merged through a symbolic link (which could lead anywhere).
        /// </summary>
        public static CommandError? Check(string staged, string target, bool force)
        {
            Kind existing = KindOf(target);
            if (existing == Kind.Missing)
            {
                return null;
            }

            Kind kind = KindOf(staged);
            if (kind == Kind.Directory)
            {
                switch (existing)
                {
                    case Kind.Directory:
                        foreach (string child in Directory.EnumerateFileSystemEntries(staged).OrderBy(c => c, StringComparer.Ordinal))
                        {
                            CommandError? problem = Check(child, Path.Combine(target, Path.GetFileName(child)), force);
                            if (problem != null)
                            {
                                return problem;
                            }
                        }

                        return null;
                    case Kind.Link:
                        return new CommandError("UnsafeDestination", ErrorKind.SecurityError,
                            $"The copy was refused: '{target}' is a symbolic link, and the directory copied there would be written through it. Nothing was copied.",
                            target);
                    default:
                        return new CommandError("DestinationTypeConflict", ErrorKind.InvalidArgument,
                            $"The copy was refused: '{target}' is a file, and a directory cannot replace it. Nothing was copied.", target);
                }
            }

            if (existing == Kind.Directory)
            {
                return new CommandError("DestinationTypeConflict", ErrorKind.InvalidArgument,
                    $"The copy was refused: '{target}' is a directory, and a file cannot replace it. Nothing was copied.", target);
            }

            return force
                ? null
                : new CommandError("ItemExists", ErrorKind.ResourceExists, $"The file '{target}' already exists. Nothing was copied.", target, null,
                    "Use -Force to replace existing files.");
        }

        /// <summary>Moves <paramref name="staged"/> to <paramref name="target"/>, merging into existing directories; call <see cref="Check"/> first.</summary>
        public static void Move(string staged, string target)
        {
            Kind existing = KindOf(target);
            Kind kind = KindOf(staged);
            if (kind == Kind.Directory)
            {
                if (existing == Kind.Missing)
                {
                    Directory.Move(staged, target);
                    return;
                }

                // Merging changes the staged directory's time: the archive's time and mode are read first, and given
                // to the directory merged into afterwards, as docker cp does.
                DateTime modified = Directory.GetLastWriteTimeUtc(staged);
                int mode = FileSystemFacts.ModeOf(new DirectoryInfo(staged));
                foreach (string child in Directory.EnumerateFileSystemEntries(staged))
                {
                    Move(child, Path.Combine(target, Path.GetFileName(child)));
                }

                FileSystemFacts.SetMode(target, mode);
                Directory.SetLastWriteTimeUtc(target, modified);
                return;
            }

            if (existing != Kind.Missing)
            {
                File.Delete(target); // a file or a link: the link itself goes, never what it points at
            }

            File.Move(staged, target);
        }

        public void Dispose()
        {
            try
            {
                if (Directory.Exists(Folder))
                {
                    // Links inside are removed as links: a recursive delete does not follow them.
                    Directory.Delete(Folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Whatever went wrong with the copy matters more than a leftover hidden folder.
            }
        }

        private enum Kind
        {
            Missing,
            File,
            Directory,
            Link,
        }

        // The name itself, not what it points at: a link (even a dangling one) is a reparse point.
        private static Kind KindOf(string path)
        {
            FileAttributes attributes;
            try
            {
                attributes = new FileInfo(path).Attributes;
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                return Kind.Missing;
            }

            if ((int)attributes == -1)
            {
                return Kind.Missing;
            }

            return (attributes & FileAttributes.ReparsePoint) != 0 ? Kind.Link
                : (attributes & FileAttributes.Directory) != 0 ? Kind.Directory
                : Kind.File;
        }
    }
}
