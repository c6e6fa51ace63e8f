using Containers.Engine.Streams;

namespace Containers.Commands.Containers
{
    /// <summary>Reads a container's output stream (framed, or raw with a TTY) to its end as lines.</summary>
    internal static class OutputLines
    {
        public static Task ReadAsync(Stream stream, bool tty, Action<StdStream, string> onLine, CancellationToken cancellationToken) =>
            ReadAsync(new MultiplexedStreamReader(stream, tty), onLine, cancellationToken);

        /// <summary>Reads to the end of the output; the last, unfinished line is written only when the output ended as it should.</summary>
        public static async Task ReadAsync(MultiplexedStreamReader reader, Action<StdStream, string> onLine, CancellationToken cancellationToken)
        {
            var splitter = new LineSplitter();
            var buffer = new byte[64 * 1024];
            while (true)
            {
                (StdStream kind, int count) = await reader.ReadAsync(buffer, 0, buffer.Length, cancellationToken);
                if (count == 0)
                {
                    break;
                }

                splitter.Push(kind, buffer, 0, count, onLine);
            }

            splitter.Flush(onLine);
        }
    }
}
