using Containers.Engine.Files;

namespace Containers.Files
{
    /// <summary>
    /// Writes a file under a temporary name in its own folder and moves it into place only once every byte is written,
    /// so a failure or a Ctrl+C part-way leaves no partial file (and an existing file untouched). The folder is the
    /// destination's own so the final move is a rename, never a copy across volumes. The steps are the engine client's
    /// <see cref="AtomicFile"/>, which saves config.json the same way.
    /// </summary>
    public static class StagedFile
    {
        /// <param name="path">The full path of the file to write.</param>
        /// <param name="overwrite">Replace a file already there; without it, one that appeared meanwhile is an IOException.</param>
        /// <param name="write">Writes the content to the stream it is given.</param>
        public static Task WriteAsync(string path, bool overwrite, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
            AtomicFile.WriteAsync(path, overwrite, write, cancellationToken);
    }
}
