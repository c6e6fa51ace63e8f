using System;
using System.IO;

namespace Containers.Engine.Credentials
{
    /// <summary>
    /// Replaces a file's content in one step, the way the docker CLI saves config.json: a temporary file in the same
    /// folder, made owner-only before a byte is written, flushed to disk, then renamed over the original. A reader sees
    /// the old file or the new one, never half of either; a crash leaves at most a stray temporary file.
    /// </summary>
    internal static class AtomicFile
    {
        public static void Write(string path, byte[] content)
        {
            // Through a symbolic link to its target, so a link kept by a dotfiles manager stays a link.
            string target = UnixFileModes.ResolveLinks(path);
            string folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                UnixFileModes.MakeOwnerOnlyDirectory(folder);
            }

            string temporary = Path.Combine(folder, Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // While it is still empty: the content may be a password.
                    UnixFileModes.MakeOwnerOnlyFile(temporary);
                    stream.Write(content, 0, content.Length);
                    stream.Flush(flushToDisk: true);
                }

                if (File.Exists(target))
                {
                    File.Replace(temporary, target, null);
                }
                else
                {
                    File.Move(temporary, target);
                }
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // The original error matters more than a leftover temporary file.
            }
        }
    }
}
