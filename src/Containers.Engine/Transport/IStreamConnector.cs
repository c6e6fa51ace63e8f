namespace Containers.Engine.Transport
{
    /// <summary>Opens one byte stream to the engine. The HTTP layer speaks HTTP/1.1 over whatever this returns.</summary>
    public interface IStreamConnector
    {
        /// <summary>What the connection goes to, for error messages.</summary>
        string Description { get; }

        /// <summary>Connects, failing with <see cref="Errors.EngineConnectionException"/> when the engine cannot be reached.</summary>
        Task<EngineStream> ConnectAsync(CancellationToken cancellationToken);
    }
}
