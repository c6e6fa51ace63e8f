namespace Containers.Engine.Transport
{
    /// <summary>
    /// A connector whose connections are made, and then used, with blocking calls only (see
    /// <see cref="IBlockingStreamConnector"/>): what a pool of such connections is filled from. The task it returns
    /// has already completed.
    /// </summary>
    internal sealed class BlockingConnector : IStreamConnector
    {
        private readonly IBlockingStreamConnector _inner;

        public BlockingConnector(IBlockingStreamConnector inner)
        {
            _inner = inner;
        }

        public string Description => _inner.Description;

        public Task<EngineStream> ConnectAsync(CancellationToken cancellationToken) =>
            Task.FromResult(_inner.ConnectBlocking(cancellationToken));
    }
}
