namespace Containers.Engine.Transport
{
    /// <summary>
    /// A connected duplex stream plus the one operation <see cref="Stream"/> lacks: closing the sending side only,
    /// which is how a hijacked attach or exec learns that standard input has ended.
    /// </summary>
    public sealed class EngineStream : IDisposable
    {
        private readonly Func<Task> _closeWrite;
        private readonly IDisposable? _owner;

        public EngineStream(Stream stream, Func<Task> closeWrite, IDisposable? owner = null)
        {
            Stream = stream;
            _closeWrite = closeWrite;
            _owner = owner;
        }

        public Stream Stream { get; }

        /// <summary>Signals end of input to the engine while still reading its output.</summary>
        public Task CloseWriteAsync() => _closeWrite();

        public void Dispose()
        {
            Stream.Dispose();
            _owner?.Dispose();
        }
    }
}
