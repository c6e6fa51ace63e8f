namespace Containers.Tests.Engine.Streams
{
    /// <summary>How a scripted engine ends a streamed answer (see <see cref="StreamAnswer"/>).</summary>
    public enum StreamEnding
    {
        /// <summary>Chunked, with the zero-size chunk: the answer is whole.</summary>
        Whole,

        /// <summary>HTTP/1.0 without Content-Length: the close is the end, and the answer is whole.</summary>
        CloseDelimited,

        /// <summary>Chunked; the connection closes after a whole chunk, before the zero-size one.</summary>
        ChunkBoundary,

        /// <summary>Chunked; the connection closes in the middle of a chunk's data.</summary>
        MidChunk,

        /// <summary>Content-Length; the connection closes with bytes of it still to come.</summary>
        BeforeContentLength,
    }
}
