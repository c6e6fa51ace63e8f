using System.Text;
using Containers.Engine;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Streams;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Streams
{
    /// <summary>
    /// <see cref="MultiplexedStreamReader"/> reads frames in blocks of whatever has arrived and hands over the payloads of
    /// several frames of one stream at a time; the HTTP body goes on through chunks that have arrived. These tests put
    /// every boundary (of the stream's reads, of the caller's buffer, of frames and headers) at every offset, which a
    /// real engine cannot be made to do; the bytes are the engine's frame shapes. The real engine's logs are read at
    /// every buffer size by LogsTests.
    /// </summary>
    public sealed class FrameBoundaryTests
    {
        private static readonly EngineClientOptions Pinned = new EngineClientOptions { PinnedApiVersion = new Version(1, 41) };

        /// <summary>Stdout and stderr interleaved, runs of one stream, an empty frame, split UTF-8, a frame longer than the reader's block.</summary>
        private static readonly (byte Stream, string Text)[] Frames =
        {
            (1, "one\n"), (1, "two é"), (2, "err ✓\r\n"), (1, string.Empty), (1, "\u00e9 three\n"), (2, "𝄞"), (2, " four\n"),
            (1, new string('x', 70 * 1024) + "\n"), (2, "five"), (1, "six\n"), (1, "seven"),
        };

        public static TheoryData<int, int> Splits()
        {
            var splits = new TheoryData<int, int>();
            foreach (int piece in new[] { 1, 2, 3, 5, 7, 8, 9, 13, 64 * 1024 * 3 })
            {
                foreach (int buffer in new[] { 1, 3, 8, 4096, 128 * 1024 })
                {
                    splits.Add(piece, buffer);
                }
            }

            return splits;
        }

        [Theory]
        [MemberData(nameof(Splits))]
        public async Task Frames_split_anywhere_come_out_byte_exact_line_exact_and_in_order(int piece, int bufferSize)
        {
            byte[] framed = Concat(Frames.Select(frame => StreamAnswer.Frame(frame.Stream, frame.Text)));
            using var reader = new MultiplexedStreamReader(new TrickleStream(framed, piece), tty: false);

            var order = new List<(StdStream, byte[])>();
            var lines = new List<(StdStream, string)>();
            var splitter = new LineSplitter();
            var buffer = new byte[bufferSize];
            for ((StdStream which, int count) = await reader.ReadAsync(buffer, 0, buffer.Length, default); count > 0; (which, count) = await reader.ReadAsync(buffer, 0, buffer.Length, default))
            {
                order.Add((which, buffer.AsSpan(0, count).ToArray()));
                splitter.Push(which, buffer, 0, count, (stream, line) => lines.Add((stream, line)));
            }

            splitter.Flush((stream, line) => lines.Add((stream, line)));

            // The bytes of each stream whole, and the streams' turns in the frames' order (a read never mixes two).
            Assert.Equal(Runs(Frames.Select(frame => ((StdStream)frame.Stream, Encoding.UTF8.GetBytes(frame.Text)))), Runs(order));
            var expectedLines = new List<(StdStream, string)>
            {
                (StdStream.Stdout, "one"), (StdStream.Stderr, "err ✓"), (StdStream.Stdout, "two éé three"), (StdStream.Stderr, "𝄞 four"),
                (StdStream.Stdout, new string('x', 70 * 1024)), (StdStream.Stdout, "six"), (StdStream.Stdout, "seven"), (StdStream.Stderr, "five"),
            };
            Assert.Equal(expectedLines, lines);
        }

        [Fact]
        public async Task A_read_hands_over_what_arrived_without_waiting_for_more()
        {
            // Two stdout frames arrive, then nothing more for as long as the test runs: the read must return them.
            byte[] arrived = Concat(new[] { StreamAnswer.Frame(1, "first\n"), StreamAnswer.Frame(1, "second\n") });
            using var reader = new MultiplexedStreamReader(new TrickleStream(arrived, arrived.Length, thenWait: true), tty: false);
            var buffer = new byte[4096];

            (StdStream which, int count) = await reader.ReadAsync(buffer, 0, buffer.Length, default).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(StdStream.Stdout, which);
            Assert.Equal("first\nsecond\n", Encoding.UTF8.GetString(buffer, 0, count));
        }

        [Fact]
        public async Task A_bad_header_after_good_frames_comes_after_their_bytes()
        {
            byte[] bad = { 1, 7, 0, 0, 0, 0, 0, 1, (byte)'x' };
            using var reader = new MultiplexedStreamReader(new MemoryStream(Concat(new[] { StreamAnswer.Frame(1, "good\n"), bad })), tty: false);
            var buffer = new byte[4096];

            (_, int count) = await reader.ReadAsync(buffer, 0, buffer.Length, default);
            Assert.Equal("good\n", Encoding.UTF8.GetString(buffer, 0, count));
            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => reader.ReadAsync(buffer, 0, buffer.Length, default));
            Assert.Contains("not framed as expected", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(5)]
        [InlineData(4096)]
        public async Task The_engines_own_error_frame_is_raised_with_its_text_however_it_arrives(int piece)
        {
            byte[] framed = Concat(new[] { StreamAnswer.Frame(1, "before\n"), StreamAnswer.Frame(3, "exec failed: no such file\n") });
            using var reader = new MultiplexedStreamReader(new TrickleStream(framed, piece), tty: false);
            var buffer = new byte[4096];
            var stdout = new StringBuilder();

            var error = await Assert.ThrowsAsync<EngineStreamException>(async () =>
            {
                for (int count; (count = (await reader.ReadAsync(buffer, 0, buffer.Length, default)).Count) > 0;)
                {
                    stdout.Append(Encoding.UTF8.GetString(buffer, 0, count));
                }
            });

            Assert.Equal("before\n", stdout.ToString());
            Assert.Equal("exec failed: no such file", error.Message);
        }

        [Theory]
        [InlineData(3, "unexpected EOF: the output stream ended in the middle of a frame header.")]
        [InlineData(8 + 2, "unexpected EOF: the output stream ended with 2 bytes of a frame still to come.")]
        public async Task Output_that_ends_inside_a_frame_is_an_unexpected_EOF(int length, string message)
        {
            byte[] whole = Concat(new[] { StreamAnswer.Frame(2, "ok\n"), StreamAnswer.Frame(1, "cut\n") });
            using var reader = new MultiplexedStreamReader(new TrickleStream(whole.AsSpan(0, 11 + length).ToArray(), 4), tty: false);
            var buffer = new byte[4096];
            int read = 0;

            var cut = await Assert.ThrowsAsync<EngineConnectionException>(async () =>
            {
                for (int count; (count = (await reader.ReadAsync(buffer, 0, buffer.Length, default)).Count) > 0;)
                {
                    read += count;
                }
            });

            Assert.Equal(message, cut.Message);
            Assert.Equal(length > 8 ? 3 + (length - 8) : 3, read);
        }

        [Fact]
        public async Task Chunks_that_arrived_together_are_read_together_and_the_answer_still_ends_where_HTTP_says()
        {
            // The engine writes a chunk per frame; here a thousand of them, one with a chunk extension and upper-case
            // hex, and the last chunk with a trailer, all written before the client reads the body.
            const int count = 1000;
            var body = new StringBuilder();
            var expected = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                string text = $"line {i} é\n";
                byte[] frame = StreamAnswer.Frame(i % 7 == 0 ? (byte)2 : (byte)1, text);
                string size = i == 500 ? $"{frame.Length:X};name=value" : $"{frame.Length:x}";
                body.Append(size).Append("\r\n").Append(Encoding.Latin1.GetString(frame)).Append("\r\n");
                expected.Append(text);
            }

            body.Append("0\r\nX-Trailer: yes\r\n\r\n");
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var server = new FakeEngineServer(async connection =>
            {
                if (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync(Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/vnd.docker.raw-stream\r\nTransfer-Encoding: chunked\r\n\r\n" + body));
                    written.TrySetResult();
                    await Task.Delay(Timeout.Infinite, connection.Stopping);
                }
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            using MultiplexedStreamReader logs = await client.Containers.LogsAsync("web", new ContainerLogsParameters(), tty: false);
            await written.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var all = new StringBuilder();
            int reads = 0;
            var buffer = new byte[64 * 1024];
            for (int read; (read = (await logs.ReadAsync(buffer, 0, buffer.Length, default)).Count) > 0; reads++)
            {
                all.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }

            Assert.Equal(expected.ToString(), all.ToString());

            // Every stream change costs a read (one in seven frames is stderr); a read per frame would be a thousand.
            Assert.InRange(reads, 2, 2 * ((count / 7) + 1) + 10);
        }

        [Fact]
        public void Lines_begun_in_one_piece_end_in_another_and_lose_their_carriage_return()
        {
            var splitter = new LineSplitter();
            var lines = new List<string>();
            foreach (string piece in new[] { "a\r\nb", "c\r", "\nd\n\r\n", "\r", "e" })
            {
                byte[] bytes = Encoding.UTF8.GetBytes(piece);
                splitter.Push(StdStream.Stdout, bytes, 0, bytes.Length, (_, line) => lines.Add(line));
            }

            splitter.Flush((_, line) => lines.Add(line));

            Assert.Equal(new[] { "a", "bc", "d", string.Empty, "\re" }, lines);
        }

        private static byte[] Concat(IEnumerable<byte[]> parts) => parts.SelectMany(part => part).ToArray();

        /// <summary>Consecutive pieces of one stream joined and decoded: the turns the streams take.</summary>
        private static List<(StdStream, string)> Runs(IEnumerable<(StdStream Stream, byte[] Bytes)> pieces)
        {
            var runs = new List<(StdStream Stream, List<byte> Bytes)>();
            foreach ((StdStream stream, byte[] bytes) in pieces.Where(piece => piece.Bytes.Length > 0))
            {
                if (runs.Count == 0 || runs[^1].Stream != stream)
                {
                    runs.Add((stream, new List<byte>()));
                }

                runs[^1].Bytes.AddRange(bytes);
            }

            return runs.Select(run => (run.Stream, Encoding.UTF8.GetString(run.Bytes.ToArray()))).ToList();
        }

        /// <summary>
        /// Hands out its bytes at most <c>piece</c> at a time, as a socket may; with <c>thenWait</c>, a read after the
        /// last byte waits until cancelled instead of ending, as a followed stream does while the container is quiet.
        /// </summary>
        private sealed class TrickleStream : MemoryStream
        {
            private readonly int _piece;
            private readonly bool _thenWait;

            public TrickleStream(byte[] bytes, int piece, bool thenWait = false)
                : base(bytes, writable: false)
            {
                _piece = piece;
                _thenWait = thenWait;
            }

            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _piece));

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                if (_thenWait && Position == Length)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return Read(buffer, offset, count);
            }
        }
    }
}
