using System.Text;

namespace Containers.Tests.Engine.Streams
{
    /// <summary>
    /// The raw bytes of a 200 answer that carries <c>first</c> and then <c>second</c> as dockerd 20.10 sends a stream
    /// (chunked, with its Api-Version header), or cut as an engine that dies sends it. Every cut falls where what
    /// arrived is whole items (messages, frames): only the HTTP framing can tell that the answer did not end.
    /// </summary>
    internal static class StreamAnswer
    {
        public static bool IsCut(StreamEnding ending) => ending != StreamEnding.Whole && ending != StreamEnding.CloseDelimited;

        public static byte[] Build(StreamEnding ending, string contentType, byte[] first, byte[] second, string extraHeaders = "")
        {
            var answer = new MemoryStream();
            string headers = $"Api-Version: 1.41\r\nContent-Type: {contentType}\r\nServer: Docker/20.10.24 (linux)\r\n{extraHeaders}";
            switch (ending)
            {
                case StreamEnding.CloseDelimited:
                    Write(answer, $"HTTP/1.0 200 OK\r\n{headers}\r\n");
                    answer.Write(first);
                    answer.Write(second);
                    break;
                case StreamEnding.BeforeContentLength:
                    Write(answer, $"HTTP/1.1 200 OK\r\n{headers}Content-Length: {first.Length + second.Length}\r\n\r\n");
                    answer.Write(first);
                    break;
                default:
                    Write(answer, $"HTTP/1.1 200 OK\r\n{headers}Transfer-Encoding: chunked\r\n\r\n");
                    Chunk(answer, first, first.Length);
                    if (ending == StreamEnding.MidChunk)
                    {
                        // The next chunk's size, and only half of its data.
                        Write(answer, $"{second.Length:x}\r\n");
                        answer.Write(second, 0, second.Length / 2);
                    }
                    else if (ending == StreamEnding.Whole)
                    {
                        Chunk(answer, second, second.Length);
                        Write(answer, "0\r\n\r\n");
                    }

                    break;
            }

            return answer.ToArray();
        }

        /// <summary>One JSON value as the engine writes it into a stream: followed by a line end.</summary>
        public static byte[] Json(string value) => Encoding.UTF8.GetBytes(value + "\r\n");

        /// <summary>One stdout (1) or stderr (2) frame of a log: the 8-byte header, then the text.</summary>
        public static byte[] Frame(byte stream, string text)
        {
            byte[] data = Encoding.UTF8.GetBytes(text);
            var frame = new byte[8 + data.Length];
            frame[0] = stream;
            frame[4] = (byte)(data.Length >> 24);
            frame[5] = (byte)(data.Length >> 16);
            frame[6] = (byte)(data.Length >> 8);
            frame[7] = (byte)data.Length;
            data.CopyTo(frame, 8);
            return frame;
        }

        private static void Chunk(MemoryStream answer, byte[] data, int length)
        {
            Write(answer, $"{length:x}\r\n");
            answer.Write(data, 0, length);
            Write(answer, "\r\n");
        }

        private static void Write(MemoryStream answer, string text) => answer.Write(Encoding.ASCII.GetBytes(text));
    }
}
