namespace Containers.Engine.Archives
{
    /// <summary>
    /// Walks a directory in ordinal name order (the same order every time, on every platform: a directory's entries,
    /// then its subdirectories' in turn), yielding what the filter keeps (a build context's .dockerignore; everything
    /// when there is none). An ignored directory is not walked at all unless the filter says something inside it could
    /// be kept; links are archived as links, never followed.
    /// </summary>
    internal static class TarEntryWalker
    {
        public static IEnumerable<TarWriterEntry> Walk(DirectoryInfo root, IArchiveFilter? ignore)
        {
            var pending = new Stack<(DirectoryInfo Directory, string Prefix)>();
            pending.Push((root, string.Empty));
            while (pending.Count > 0)
            {
                (DirectoryInfo directory, string prefix) = pending.Pop();
                var subdirectories = new List<(DirectoryInfo, string)>();
                foreach (FileSystemInfo info in directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
                {
                    string relative = prefix + info.Name;
                    string? link = FileSystemFacts.LinkTargetOf(info);
                    bool isDirectory = link == null && (info.Attributes & FileAttributes.Directory) != 0;
                    if (ignore != null && ignore.IsIgnored(relative))
                    {
                        if (isDirectory && !ignore.CanSkipDirectory(relative))
                        {
                            subdirectories.Add(((DirectoryInfo)info, relative + "/"));
                        }

                        continue;
                    }

                    if (link != null)
                    {
                        yield return new TarWriterEntry(relative, info, TarEntryKind.SymbolicLink, link);
                    }
                    else if (isDirectory)
                    {
                        yield return new TarWriterEntry(relative + "/", info, TarEntryKind.Directory, null);
                        subdirectories.Add(((DirectoryInfo)info, relative + "/"));
                    }
                    else
                    {
                        yield return new TarWriterEntry(relative, info, TarEntryKind.File, null);
                    }
                }

                // Pushed in reverse, so the subdirectories are walked in name order.
                for (int i = subdirectories.Count - 1; i >= 0; i--)
                {
                    pending.Push(subdirectories[i]);
                }
            }
        }
    }
}
