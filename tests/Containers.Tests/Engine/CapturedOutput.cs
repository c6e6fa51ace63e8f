using Containers.Engine.Streams;

namespace Containers.Tests.Engine
{
    /// <summary>
    /// Everything a stdout/stderr stream carried, read through <see cref="MultiplexedStreamReader"/> and
    /// <see cref="LineSplitter"/> exactly as the module reads it: the raw bytes and the lines of each stream.
    /// </summary>
    internal sealed class CapturedOutput
    {
        public MemoryStream Stdout { get; } = new MemoryStream();

        public MemoryStream Stderr { get; } = new MemoryStream();

        public List<string> StdoutLines { get; } = new List<string>();

        public List<string> StderrLines { get; } = new List<string>();

        /// <summary>How many reads returned bytes: with tiny buffers this shows frames really were split.</summary>
        public int Reads { get; private set; }

        /// <summary>Reads to the end of the stream with a buffer of <paramref name="bufferSize"/> bytes.</summary>
        public static Task<CapturedOutput> ReadAsync(Stream stream, bool tty, int bufferSize = 81920, CancellationToken cancellationToken = default) =>
            ReadAsync(new MultiplexedStreamReader(stream, tty), bufferSize, cancellationToken);

        /// <summary>Reads to the end of the output with a buffer of <paramref name="bufferSize"/> bytes.</summary>
        public static async Task<CapturedOutput> ReadAsync(MultiplexedStreamReader reader, int bufferSize = 81920, CancellationToken cancellationToken = default)
        {
            var captured = new CapturedOutput();
            var splitter = new LineSplitter();
            var buffer = new byte[bufferSize];
            while (true)
            {
                (StdStream which, int count) = await reader.ReadAsync(buffer, 0, buffer.Length, cancellationToken);
                if (count == 0)
                {
                    break;
                }

                captured.Reads++;
                (which == StdStream.Stderr ? captured.Stderr : captured.Stdout).Write(buffer, 0, count);
                splitter.Push(which, buffer, 0, count, captured.AddLine);
            }

            splitter.Flush(captured.AddLine);
            return captured;
        }

        private void AddLine(StdStream which, string line) => (which == StdStream.Stderr ? StderrLines : StdoutLines).Add(line);
    }
}
