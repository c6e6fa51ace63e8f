using System.Text;
using Containers.Engine;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Engine.Streams;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Streams
{
    /// <summary>
    /// Every reader an endpoint hands out (progress messages of pull, push, build and load; events; stats; log frames;
    /// the tar of export, save and archive get) ends only where the engine's answer ends as HTTP says: the zero-size
    /// chunk, or the close of a close-delimited HTTP/1.0 answer. An answer cut at a chunk boundary, in the middle of a
    /// chunk or before its Content-Length raises EngineConnectionException worded as docker words it ("unexpected EOF")
    /// and naming the engine, even though everything that did arrive was whole messages or frames. A real engine will
    /// not die on cue, so a scripted one on a unix socket answers with dockerd's shapes and hangs up.
    /// </summary>
    public sealed class CutStreamReaderTests
    {
        private static readonly EngineClientOptions Pinned = new EngineClientOptions { PinnedApiVersion = new Version(1, 41) };

        private static readonly Dictionary<string, StreamKind> Kinds = new[]
        {
            Messages("pull", client => client.Images.PullAsync(ImageReference.Parse("127.0.0.1:5000/team/app:1.0"))),
            Messages("push", client => client.Images.PushAsync(ImageReference.Parse("127.0.0.1:5000/team/app:1.0"))),
            Messages("build", client => client.Images.BuildAsync(new MemoryStream(new byte[1024]), new ImageBuildParameters())),
            Messages("load", client => client.Images.LoadAsync(new MemoryStream(new byte[1024]))),
            new StreamKind("events", "application/json", StreamAnswer.Json("{\"Type\":\"container\",\"Action\":\"start\"}"), StreamAnswer.Json("{\"Type\":\"container\",\"Action\":\"die\"}"), async client =>
            {
                using JsonValueReader<EventMessage> events = await client.System.EventsAsync(new EventsParameters());
                return await CountAsync(events);
            }),
            new StreamKind("stats", "application/json", StreamAnswer.Json("{\"id\":\"4f9d1c\",\"read\":\"2026-12-06T22:00:01Z\"}"), StreamAnswer.Json("{\"id\":\"4f9d1c\",\"read\":\"2026-12-06T22:00:02Z\"}"), async client =>
            {
                using JsonValueReader<ContainerStatsResponse> stats = await client.Containers.StatsAsync("web", new ContainerStatsParameters { Stream = true });
                return await CountAsync(stats);
            }),
            new StreamKind("logs", "application/vnd.docker.raw-stream", StreamAnswer.Frame(1, "one\n"), StreamAnswer.Frame(2, "two\n"), async client =>
            {
                using MultiplexedStreamReader logs = await client.Containers.LogsAsync("web", new ContainerLogsParameters { Follow = true }, tty: false);
                var buffer = new byte[4096];
                int total = 0;
                for (int count; (count = (await logs.ReadAsync(buffer, 0, buffer.Length, default)).Count) > 0;)
                {
                    total += count;
                }

                return total;
            }),
            Tar("export", async client => await client.Containers.ExportAsync("web")),
            Tar("save", async client => await client.Images.SaveAsync(new[] { "team/app:1.0" })),
            new StreamKind("archive", "application/x-tar", new byte[3000], new byte[5000], async client =>
            {
                using ContainerArchive archive = await client.Containers.GetArchiveAsync("web", "/etc");
                return await CountBytesAsync(archive.Content);
            }, "X-Docker-Container-Path-Stat: " + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"name\":\"etc\",\"size\":4096,\"mode\":2147484141,\"mtime\":\"2026-12-06T22:00:00Z\",\"linkTarget\":\"\"}")) + "\r\n"),
        }.ToDictionary(kind => kind.Name);

        public static TheoryData<string, StreamEnding> Cases()
        {
            var cases = new TheoryData<string, StreamEnding>();
            foreach (string kind in Kinds.Keys)
            {
                foreach (StreamEnding ending in Enum.GetValues<StreamEnding>())
                {
                    cases.Add(kind, ending);
                }
            }

            return cases;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task A_reader_ends_where_the_answer_ends_and_a_cut_is_an_unexpected_EOF_naming_the_engine(string name, StreamEnding ending)
        {
            StreamKind kind = Kinds[name];
            using var server = Answering(StreamAnswer.Build(ending, kind.ContentType, kind.First, kind.Second, kind.Headers));
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            if (!StreamAnswer.IsCut(ending))
            {
                Assert.Equal(kind.Whole, await kind.ReadToEndAsync(client));
                return;
            }

            var cut = await Assert.ThrowsAsync<EngineConnectionException>(() => kind.ReadToEndAsync(client));
            Assert.StartsWith("unexpected EOF: the engine at unix://" + server.SocketPath + " closed the connection before the end of its answer to ", cut.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Cancelling_a_followed_stream_is_a_cancellation_not_a_cut()
        {
            // The engine sends one event and then nothing: the read waits on it when the token fires.
            byte[] first = StreamAnswer.Json("{\"Type\":\"container\",\"Action\":\"start\"}");
            using var server = new FakeEngineServer(async connection =>
            {
                if (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync($"HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{first.Length:x}\r\n");
                    await connection.WriteAsync(first);
                    await connection.WriteAsync("\r\n");
                    await Task.Delay(Timeout.Infinite, connection.Stopping);
                }
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);
            using var cancel = new CancellationTokenSource();
            using JsonValueReader<EventMessage> events = await client.System.EventsAsync(new EventsParameters(), cancel.Token);

            Assert.Equal("start", (await events.ReadAsync(cancel.Token))!.Action);
            Task<EventMessage?> next = events.ReadAsync(cancel.Token);
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Promptly.Bound));
        }

        [Fact]
        public async Task A_tcp_connection_reset_mid_stream_is_an_unexpected_EOF_too()
        {
            // An engine that dies with data unread, or a proxy that drops the connection, resets it: the read fails
            // rather than ending, and that is the same cut.
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            Task engine = Task.Run(async () =>
            {
                using System.Net.Sockets.Socket socket = await listener.AcceptSocketAsync();
                var request = new byte[8192];
                await socket.ReceiveAsync(request, System.Net.Sockets.SocketFlags.None);
                byte[] messages = StreamAnswer.Json("{\"status\":\"Downloading\",\"id\":\"a1b2c3\"}");
                await socket.SendAsync(StreamAnswer.Build(StreamEnding.ChunkBoundary, "application/json", messages, messages), System.Net.Sockets.SocketFlags.None);
                socket.LingerState = new System.Net.Sockets.LingerOption(true, 0); // close with RST
            });
            using var client = new EngineClient(Containers.Engine.Transport.EngineEndpoint.Parse("tcp://127.0.0.1:" + port), options: Pinned);

            using JsonMessageReader pull = await client.Images.PullAsync(ImageReference.Parse("127.0.0.1:5000/team/app:1.0"));
            await engine;
            var cut = await Assert.ThrowsAsync<EngineConnectionException>(() => pull.ReadToEndAsync(_ => { }));

            Assert.StartsWith($"unexpected EOF: the engine at tcp://127.0.0.1:{port} closed the connection before the end of its answer to POST /images/create", cut.Message, StringComparison.Ordinal);
        }

        private static FakeEngineServer Answering(byte[] answer) => new FakeEngineServer(async connection =>
        {
            if (await connection.ReadRequestAsync() != null)
            {
                await connection.WriteAsync(answer);
            }
        });

        private static StreamKind Messages(string name, Func<EngineClient, Task<JsonMessageReader>> open) =>
            new StreamKind(name, "application/json", StreamAnswer.Json("{\"status\":\"Preparing\",\"id\":\"a1b2c3\"}"), StreamAnswer.Json("{\"status\":\"Done\",\"id\":\"a1b2c3\"}"), async client =>
            {
                using JsonMessageReader messages = await open(client);
                int count = 0;
                await messages.ReadToEndAsync(_ => count++);
                return count;
            });

        private static StreamKind Tar(string name, Func<EngineClient, Task<Stream>> open) =>
            new StreamKind(name, "application/x-tar", new byte[3000], new byte[5000], async client =>
            {
                using Stream tar = await open(client);
                return await CountBytesAsync(tar);
            });

        private static async Task<int> CountAsync<T>(JsonValueReader<T> reader)
            where T : class
        {
            int count = 0;
            while (await reader.ReadAsync() != null)
            {
                count++;
            }

            return count;
        }

        private static async Task<int> CountBytesAsync(Stream stream)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return (int)copy.Length;
        }

        /// <summary>One kind of streamed answer: its two halves, and how a caller reads it to the end (items or bytes read).</summary>
        private sealed class StreamKind
        {
            public StreamKind(string name, string contentType, byte[] first, byte[] second, Func<EngineClient, Task<int>> readToEnd, string headers = "")
            {
                Name = name;
                ContentType = contentType;
                First = first;
                Second = second;
                ReadToEndAsync = readToEnd;
                Headers = headers;
            }

            public string Name { get; }

            public string ContentType { get; }

            public byte[] First { get; }

            public byte[] Second { get; }

            public string Headers { get; }

            public Func<EngineClient, Task<int>> ReadToEndAsync { get; }

            /// <summary>What reading the whole answer gives: two items, or every byte of a tar.</summary>
            public int Whole => ContentType == "application/x-tar" ? First.Length + Second.Length : ContentType == "application/json" ? 2 : 8;
        }
    }
}
