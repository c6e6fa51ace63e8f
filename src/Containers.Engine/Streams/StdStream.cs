namespace Containers.Engine.Streams
{
    /// <summary>The stream a multiplexed frame belongs to: the first byte of its header.</summary>
    public enum StdStream
    {
        Stdin = 0,
        Stdout = 1,
        Stderr = 2,

        /// <summary>The engine's own error about the stream (API 1.42+ uses it for exec and attach failures).</summary>
        SystemError = 3,
    }
}
