namespace Containers.Engine.Transport
{
    /// <summary>
    /// A connector that can also open a connection used with blocking calls only. On Linux, .NET registers a socket
    /// with its epoll thread at the first asynchronous call, and from then on every packet that arrives wakes that
    /// thread and hands work to the thread pool. dockerd writes and flushes a log stream line by line (chunks of about
    /// 79 bytes), so those wake-ups, not our code, made reading logs twice as slow as a blocking read. A socket that
    /// never sees an asynchronous call is never registered.
    /// </summary>
    internal interface IBlockingStreamConnector : IStreamConnector
    {
        /// <summary>
        /// Connects with a blocking call and returns a stream whose every method, the asynchronous ones included, makes
        /// blocking calls on the calling thread (<see cref="BlockingCallsStream"/>). Its calls do not watch tokens:
        /// the owner cancels them by disposing the stream, which makes a pending read return 0 or throw.
        /// </summary>
        EngineStream ConnectBlocking(CancellationToken cancellationToken);
    }
}
