using Containers.Engine.Endpoints;
using Containers.Engine.Streams;

namespace Containers.Bench
{
    /// <summary>
    /// Reads a container's logs the way Get-ContainerLog does (Containers.Core's OutputLines): the framed stream through
    /// <see cref="MultiplexedStreamReader"/>, optionally on through <see cref="LineSplitter"/> to strings.
    /// </summary>
    internal sealed class OurLogReader
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly LineSplitter? _splitter;

        // One delegate for the whole read, as OutputLines passes one: a method group would make one per Push.
        private readonly System.Action<StdStream, string> _onLine;

        public OurLogReader(bool toLines)
        {
            _splitter = toLines ? new LineSplitter() : null;
            _onLine = OnLine;
        }

        public long Bytes { get; private set; }

        public long Lines { get; private set; }

        /// <summary>Called after each read with the running byte count, for the memory sampler.</summary>
        public System.Action<long>? Progress { get; set; }

        public async Task ReadAllAsync(ContainersEndpoint containers, string id, bool follow, CancellationToken cancellationToken = default)
        {
            using MultiplexedStreamReader reader = await containers.LogsAsync(id, new ContainerLogsParameters { Follow = follow }, tty: false, cancellationToken);
            while (true)
            {
                (StdStream stream, int count) = await reader.ReadAsync(_buffer, 0, _buffer.Length, cancellationToken);
                if (count == 0)
                {
                    break;
                }

                Bytes += count;
                _splitter?.Push(stream, _buffer, 0, count, _onLine);
                Progress?.Invoke(Bytes);
            }

            _splitter?.Flush(_onLine);
        }

        // What the cmdlet would hand to the pipeline; counting it keeps the string from being optimised away.
        private void OnLine(StdStream stream, string line) => Lines++;
    }
}
