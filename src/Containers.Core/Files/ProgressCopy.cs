using System.Diagnostics;
using Containers.Output;
using Containers.Text;

namespace Containers.Files
{
    /// <summary>
    /// Copies an engine stream (an export, a save) to a file chunk by chunk, never whole in memory, reporting the bytes
    /// written as progress: the first chunk at once, so a long copy shows it started, then a few times a second at most.
    /// </summary>
    public static class ProgressCopy
    {
        private const int BufferSize = 81920;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        public static async Task CopyAsync(Stream source, Stream destination, int progressId, string activity, ICommandOutput output, CancellationToken cancellationToken)
        {
            long written = 0;
            try
            {
                var buffer = new byte[BufferSize];
                Stopwatch sinceReport = Stopwatch.StartNew();
                for (int read; (read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken)) > 0;)
                {
                    // Checked here too: a read from bytes already buffered need not look at the token.
                    cancellationToken.ThrowIfCancellationRequested();
                    await destination.WriteAsync(buffer, 0, read, cancellationToken);
                    if (written == 0 || sinceReport.Elapsed >= ProgressInterval)
                    {
                        output.WriteProgress(new ProgressUpdate(progressId, activity, ByteSize.Format(written + read) + " written"));
                        sinceReport.Restart();
                    }

                    written += read;
                }
            }
            finally
            {
                output.WriteProgress(new ProgressUpdate(progressId, activity, ByteSize.Format(written) + " written") { Completed = true });
            }
        }
    }
}
