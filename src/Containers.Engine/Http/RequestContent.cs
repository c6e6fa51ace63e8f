namespace Containers.Engine.Http
{
    /// <summary>A request body: bytes of known length, or a stream sent with chunked encoding as it is read.</summary>
    public sealed class RequestContent
    {
        private RequestContent(byte[]? bytes, Stream? stream, string contentType)
        {
            Bytes = bytes;
            Stream = stream;
            ContentType = contentType;
        }

        public byte[]? Bytes { get; }

        public Stream? Stream { get; }

        public string ContentType { get; }

        public static RequestContent FromBytes(byte[] bytes, string contentType) => new RequestContent(bytes, null, contentType);

        /// <summary>A body that is streamed, never buffered whole: build contexts, archives and image tars can be gigabytes.</summary>
        public static RequestContent FromStream(Stream stream, string contentType) => new RequestContent(null, stream, contentType);
    }
}
