using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Streams;

namespace Containers.Commands.Containers
{
    /// <summary>Reads a container's output stream (framed, or raw with a TTY) to its end as lines.</summary>
    internal static class OutputLines
    {
        public static async Task ReadAsync(Stream stream, bool tty, Action<StdStream, string> onLine, CancellationToken cancellationToken)
        {
            var reader = new MultiplexedStreamReader(stream, tty);
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
