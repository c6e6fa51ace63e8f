using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Containers.Files
{
    /// <summary>
    /// Writes a file under a temporary name in its own folder and moves it into place only once every byte is written,
    /// so a failure or a Ctrl+C part-way leaves no partial file (and an existing file untouched). The folder is the
    /// destination's own so the final move is a rename, never a copy across volumes.
    /// </summary>
    public static class StagedFile
    {
        private const int BufferSize = 81920;

        /// <param name="path">The full path of the file to write.</param>
        /// <param name="overwrite">Replace a file already there; without it, one that appeared meanwhile is an IOException.</param>
        /// <param name="write">Writes the content to the stream it is given.</param>
        public static async Task WriteAsync(string path, bool overwrite, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            string folder = Path.GetDirectoryName(path) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
            // Hidden, and named after the file it becomes, so a leftover from a crash says what it was.
            string temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
                {
                    await write(stream, cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                    stream.Flush(flushToDisk: true);
                }

                if (overwrite && File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
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
                // The original failure matters more than a leftover temporary file.
            }
        }
    }
}
