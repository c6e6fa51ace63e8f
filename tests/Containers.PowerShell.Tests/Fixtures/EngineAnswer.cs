using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>Where <see cref="CuttingEngine"/> hangs up in the middle of an answer.</summary>
    public enum CutPoint
    {
        /// <summary>No cut: the whole answer, framed as dockerd frames it (the control case).</summary>
        None,

        /// <summary>The status line and half the headers, never the blank line that ends them.</summary>
        MidHead,

        /// <summary>
        /// Chunked: the first half of the chunks whole, then the next chunk's size line and half its bytes. In a hijacked
        /// stream (101), which has no chunks: its frames short of their last two bytes, a frame promising more than comes.
        /// </summary>
        MidChunk,

        /// <summary>Chunked: the first half of the chunks whole (at least one), never the terminating zero-length chunk.</summary>
        ChunkBoundary,

        /// <summary>Content-Length of the whole body, then only the first half of the chunks' bytes.</summary>
        BeforeContentLength,
    }

    /// <summary>
    /// One answer of the fake engine: which requests it answers (method and path, without the /v1.41 prefix and query)
    /// and what dockerd 20.10 sends for them: status, headers and body as chunks, each chunk one write of the engine
    /// (a progress message, a log frame, 32 KiB of a tar). It frames itself whole or cut at a <see cref="CutPoint"/>.
    /// </summary>
    public sealed class EngineAnswer
    {
        /// <summary>Headers every dockerd 20.10 answer carries, in its order (Date aside), as captured from one.</summary>
        private const string EngineHeaders = "Api-Version: 1.41\r\n{0}Docker-Experimental: false\r\nOstype: linux\r\nServer: Docker/20.10.24+dfsg1 (linux)\r\n";

        private readonly Regex _route;

        /// <param name="route">A regular expression for "METHOD /path", for example <c>GET /containers/[^/]+/export</c>.</param>
        /// <param name="chunked">How dockerd frames it whole: chunked (a streamed or flushed answer) or with Content-Length.</param>
        public EngineAnswer(string name, string route, string status, IReadOnlyList<byte[]> chunks, string? contentType = "application/json", bool chunked = true, string extraHeaders = "")
        {
            Name = name;
            _route = new Regex("^(" + route + ")$", RegexOptions.CultureInvariant);
            Status = status;
            Chunks = chunks;
            ContentType = contentType;
            Chunked = chunked;
            ExtraHeaders = extraHeaders;
        }

        public string Name { get; }

        public string Status { get; }

        public IReadOnlyList<byte[]> Chunks { get; }

        public string? ContentType { get; }

        public bool Chunked { get; }

        public string ExtraHeaders { get; }

        /// <summary>A hijacked stream (101): after the head the connection is raw bytes, closed when the output ends.</summary>
        public bool Upgrades => Status.StartsWith("101", StringComparison.Ordinal);

        public bool Answers(string method, string path) => _route.IsMatch(method + " " + path);

        /// <summary>A body sent as dockerd writes a stream: one chunk per line (progress messages, events, stats).</summary>
        public static IReadOnlyList<byte[]> Lines(byte[] text)
        {
            var chunks = new List<byte[]>();
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    chunks.Add(text.AsSpan(start, i + 1 - start).ToArray());
                    start = i + 1;
                }
            }

            if (start < text.Length)
            {
                chunks.Add(text.AsSpan(start).ToArray());
            }

            return chunks;
        }

        /// <summary>A binary body as dockerd copies it into the response: 32 KiB at a time.</summary>
        public static IReadOnlyList<byte[]> Pieces(byte[] body, int size = 32 * 1024) =>
            Enumerable.Range(0, (body.Length + size - 1) / size).Select(i => body.AsSpan(i * size, Math.Min(size, body.Length - (i * size))).ToArray()).ToList();

        /// <summary>The bytes to send: the whole answer, or the answer cut at <paramref name="cut"/> (after which the engine hangs up).</summary>
        public byte[] Frame(CutPoint cut)
        {
            byte[] body = Chunks.SelectMany(chunk => chunk).ToArray();
            int whole = (Chunks.Count + 1) / 2;
            var bytes = new MemoryStream();
            switch (cut)
            {
                case CutPoint.None when Upgrades:
                    Write(bytes, Head(null, chunked: false));
                    bytes.Write(body);
                    break;
                case CutPoint.None:
                    Write(bytes, Head(Chunked ? null : body.Length, Chunked));
                    if (Chunked)
                    {
                        WriteChunks(bytes, Chunks);
                        Write(bytes, "0\r\n\r\n");
                    }
                    else
                    {
                        bytes.Write(body);
                    }

                    break;
                case CutPoint.MidHead:
                    string head = Head(body.Length, chunked: false);
                    // Up to the end of a header line in the middle: a head that stops, not one that ends.
                    Write(bytes, head.Substring(0, head.IndexOf("\r\n", head.Length / 2, StringComparison.Ordinal) + 2));
                    break;
                case CutPoint.MidChunk when Upgrades:
                    Write(bytes, Head(null, chunked: false));
                    bytes.Write(body, 0, body.Length - 2);
                    break;
                case CutPoint.MidChunk:
                    int before = (Chunks.Count - 1) / 2;
                    byte[] split = Chunks[before];
                    Write(bytes, Head(null, chunked: true));
                    WriteChunks(bytes, Chunks.Take(before));
                    Write(bytes, split.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
                    bytes.Write(split, 0, Math.Max(1, split.Length / 2));
                    break;
                case CutPoint.ChunkBoundary:
                    Write(bytes, Head(null, chunked: true));
                    WriteChunks(bytes, Chunks.Take(whole));
                    break;
                case CutPoint.BeforeContentLength:
                    Write(bytes, Head(body.Length, chunked: false));
                    // Half the chunks, or half the bytes of a body of one chunk: never all of it.
                    bytes.Write(Chunks.Count > 1 ? Chunks.Take(Chunks.Count / 2).SelectMany(chunk => chunk).ToArray() : body.AsSpan(0, body.Length / 2).ToArray());
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(cut));
            }

            return bytes.ToArray();
        }

        private string Head(long? contentLength, bool chunked)
        {
            var head = new StringBuilder("HTTP/1.1 " + Status + "\r\n");
            if (Upgrades)
            {
                // dockerd's hijack answer has none of its usual headers.
                return head.Append("Content-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n").ToString();
            }

            head.AppendFormat(CultureInfo.InvariantCulture, EngineHeaders, ContentType == null ? string.Empty : "Content-Type: " + ContentType + "\r\n");
            head.Append(ExtraHeaders);
            head.Append("Date: ").Append(DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n");
            if (chunked)
            {
                head.Append("Transfer-Encoding: chunked\r\n");
            }
            else if (contentLength.HasValue && !Status.StartsWith("204", StringComparison.Ordinal))
            {
                head.Append("Content-Length: ").Append(contentLength.Value.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            }

            return head.Append("\r\n").ToString();
        }

        private static void WriteChunks(Stream bytes, IEnumerable<byte[]> chunks)
        {
            foreach (byte[] chunk in chunks)
            {
                Write(bytes, chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
                bytes.Write(chunk);
                Write(bytes, "\r\n");
            }
        }

        private static void Write(Stream bytes, string text) => bytes.Write(Encoding.ASCII.GetBytes(text));
    }
}
