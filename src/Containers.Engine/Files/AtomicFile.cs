namespace Containers.Engine.Files
{
    /// <summary>
    /// Replaces a file's content in one step: a temporary file in the same folder (so the last step is a rename, never a
    /// copy across volumes), written and flushed to disk, then renamed over the original. A reader sees the old file or
    /// the new one, never half of either; a failure or a Ctrl+C part-way deletes the temporary file, and a crash leaves at
    /// most that stray file. Configuration and secrets (<see cref="Write"/>) and exported data (<see cref="WriteAsync"/>)
    /// take the same steps.
    /// </summary>
    internal static class AtomicFile
    {
        private const int BufferSize = 81920;

        /// <summary>
        /// The way the docker CLI saves config.json: through a symbolic link to its target (a link kept by a dotfiles
        /// manager stays a link), into a folder made owner-only if it is missing, and owner-only before a byte is written.
        /// </summary>
        public static void Write(string path, byte[] content)
        {
            string target = UnixFileModes.ResolveLinks(path);
            string folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                UnixFileModes.MakeOwnerOnlyDirectory(folder);
            }

            string temporary = Path.Combine(folder, Path.GetFileName(target) + "." + UniqueSuffix() + ".tmp");

            // Completes before it returns: the stream is opened for synchronous use and the content is written synchronously.
            ReplaceAsync(
                target,
                temporary,
                overwrite: true,
                ownerOnly: true,
                asynchronous: false,
                (stream, _) =>
                {
                    stream.Write(content, 0, content.Length);
                    return Task.CompletedTask;
                },
                CancellationToken.None).GetAwaiter().GetResult();
        }

        /// <summary>Data written as it arrives (an exported container or image), with the folder's default permissions.</summary>
        /// <param name="path">The full path of the file to write; its folder must exist.</param>
        /// <param name="overwrite">Replace a file already there; without it, one that appeared meanwhile is an IOException.</param>
        /// <param name="write">Writes the content to the stream it is given.</param>
        public static Task WriteAsync(string path, bool overwrite, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            string folder = Path.GetDirectoryName(path) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
            // Hidden, and named after the file it becomes, so a leftover from a crash says what it was.
            string temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + UniqueSuffix() + ".partial");
            return ReplaceAsync(path, temporary, overwrite, ownerOnly: false, asynchronous: true, write, cancellationToken);
        }

        private static async Task ReplaceAsync(string target, string temporary, bool overwrite, bool ownerOnly, bool asynchronous, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, asynchronous))
                {
                    if (ownerOnly)
                    {
                        // While it is still empty: the content may be a password.
                        UnixFileModes.MakeOwnerOnlyFile(temporary);
                    }

                    await write(stream, cancellationToken).ConfigureAwait(false);
                    if (asynchronous)
                    {
                        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }

                    stream.Flush(flushToDisk: true);
                }

                if (overwrite && File.Exists(target))
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

        private static string UniqueSuffix() => Guid.NewGuid().ToString("N").Substring(0, 8);

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
