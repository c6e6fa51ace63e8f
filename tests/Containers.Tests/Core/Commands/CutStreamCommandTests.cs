using Containers.Commands.Containers;
using Containers.Commands.Engines;
using Containers.Commands.Files;
using Containers.Commands.Images;
using Containers.Engine.Errors;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Engine;
using Containers.Tests.Engine.CredentialStore;
using Containers.Tests.Engine.Streams;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands
{
    /// <summary>
    /// What each streaming command does when the engine dies part-way through its answer: an error of category
    /// ConnectionError saying "unexpected EOF" and naming the engine, never a result made of what arrived. An export or
    /// save leaves no file (nor its staged part), a pull or push returns no image, a build is not "finished without
    /// reporting the image", a followed log, event stream or statistics stream does not just stop, and a load returns
    /// nothing; cancelling a follow stays a quiet stop. A real engine will not die on cue: a scripted one on a unix socket
    /// answers the look-ups a command makes first with dockerd's shapes, then cuts the streamed answer.
    /// </summary>
    public sealed class CutStreamCommandTests : IDisposable
    {
        private const string Container = "{\"Id\":\"4f9d1c0e5b7a\",\"Name\":\"/web\",\"Config\":{\"Tty\":false},\"State\":{\"Status\":\"running\",\"Running\":true}}";
        private const string Image = "{\"Id\":\"sha256:1d5c8a3e\",\"RepoTags\":[\"127.0.0.1:5000/team/app:1.0\"],\"RepoDigests\":[],\"Size\":1024}";
        private const string Reference = "127.0.0.1:5000/team/app:1.0";

        private static readonly byte[] Preparing = StreamAnswer.Json("{\"status\":\"Pulling fs layer\",\"id\":\"a1b2c3\"}");
        private static readonly byte[] Downloading = StreamAnswer.Json("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1048576,\"total\":4194304},\"id\":\"a1b2c3\"}");
        private static readonly byte[] FirstEvent = StreamAnswer.Json("{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"4f9d1c0e5b7a\"},\"time\":1796594400,\"timeNano\":1796594400000000000}");
        private static readonly byte[] SecondEvent = StreamAnswer.Json("{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"4f9d1c0e5b7a\"},\"time\":1796594401,\"timeNano\":1796594401000000000}");

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cte-cut-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly CredentialSandbox _logins = new CredentialSandbox();

        public CutStreamCommandTests()
        {
            Directory.CreateDirectory(_folder);
        }

        private static readonly StreamEnding[] CutEndings = { StreamEnding.ChunkBoundary, StreamEnding.MidChunk, StreamEnding.BeforeContentLength };

        public static TheoryData<StreamEnding> Cuts => new TheoryData<StreamEnding>(CutEndings);

        public static TheoryData<string, StreamEnding> ArchiveCuts()
        {
            var cases = new TheoryData<string, StreamEnding>();
            foreach (string command in new[] { "Export-Container", "Export-ContainerImage" })
            {
                foreach (StreamEnding cut in CutEndings)
                {
                    cases.Add(command, cut);
                }
            }

            return cases;
        }

        [Theory]
        [MemberData(nameof(ArchiveCuts))]
        public async Task A_cut_export_or_save_is_a_connection_error_and_leaves_no_file(string command, StreamEnding cut)
        {
            bool image = command == "Export-ContainerImage";
            using var server = CuttingAfterLookups(image ? "/images/get" : "/export", StreamAnswer.Build(cut, "application/x-tar", new byte[40 * 1024], new byte[60 * 1024]));
            string tar = Path.Combine(_folder, "out.tar");
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<EngineConnectionException>(() => image
                ? new ExportContainerImageCommand(tar) { PassThru = true }.ExecuteAsync(Engine(server), new[] { Reference }, output, default)
                : new ExportContainerCommand(tar) { PassThru = true }.ExecuteAsync(Engine(server), "web", output, default));

            AssertCut(server, failure, image ? "GET /images/get" : "GET /containers/web/export");
            Assert.Empty(output.Objects);
            Assert.Empty(Directory.GetFileSystemEntries(_folder)); // neither the file nor its staged part
        }

        [Fact]
        public async Task A_whole_export_is_written()
        {
            using var server = CuttingAfterLookups("/export", StreamAnswer.Build(StreamEnding.Whole, "application/x-tar", new byte[40 * 1024], new byte[60 * 1024]));
            string tar = Path.Combine(_folder, "web.tar");
            var output = new RecordingOutput();

            await new ExportContainerCommand(tar) { PassThru = true }.ExecuteAsync(Engine(server), "web", output, default);

            Assert.Empty(output.Errors);
            Assert.Equal(100 * 1024, new FileInfo(tar).Length);
            Assert.Equal(new[] { "web.tar" }, Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public async Task A_pull_cut_mid_download_is_a_connection_error_and_returns_no_image(StreamEnding cut)
        {
            using var server = CuttingAfterLookups("/images/create", StreamAnswer.Build(cut, "application/json", Preparing, Downloading));
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new PullImageCommand(_logins.Store()).ExecuteAsync(Engine(server), new[] { Reference }, output, default));

            AssertCut(server, failure, "POST /images/create");
            Assert.Empty(output.Objects); // the image an earlier pull left under that tag is not passed off as pulled
            Assert.DoesNotContain(server.Requests, request => request.StartsWith("GET /v1.41/images/", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public async Task A_push_cut_part_way_is_a_connection_error(StreamEnding cut)
        {
            using var server = CuttingAfterLookups("/push", StreamAnswer.Build(cut, "application/json", StreamAnswer.Json("{\"status\":\"The push refers to repository [127.0.0.1:5000/team/app]\"}"), StreamAnswer.Json("{\"status\":\"Pushing\",\"id\":\"a1b2c3\"}")));
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new PushImageCommand(_logins.Store()).ExecuteAsync(Engine(server), new[] { Reference }, output, default));

            AssertCut(server, failure, "POST /images/"); // the repository escaped in the path, then /push
            Assert.EndsWith("/push", server.Requests.Last(), StringComparison.Ordinal);
            Assert.Empty(output.Objects);
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public async Task A_build_cut_part_way_is_a_connection_error_not_a_build_without_an_image(StreamEnding cut)
        {
            string context = Directory.CreateDirectory(Path.Combine(_folder, "context")).FullName;
            File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\nCOPY Dockerfile /\n");
            using var server = CuttingAfterLookups("/build", StreamAnswer.Build(cut, "application/json", StreamAnswer.Json("{\"stream\":\"Step 1/2 : FROM scratch\\n\"}"), StreamAnswer.Json("{\"stream\":\"Step 2/2 : COPY Dockerfile /\\n\"}")));
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new BuildImageCommand(_logins.Store()) { Path = context, Tag = new[] { Reference } }.ExecuteAsync(Engine(server), output, default));

            AssertCut(server, failure, "POST /build");
            Assert.Empty(output.Objects);
            Assert.Empty(output.Errors); // no ImageBuild... InvalidResult beside it
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public async Task A_load_cut_part_way_is_a_connection_error_and_returns_no_image(StreamEnding cut)
        {
            string tar = Path.Combine(_folder, "app.tar");
            File.WriteAllBytes(tar, new byte[4096]);
            using var server = CuttingAfterLookups("/images/load", StreamAnswer.Build(cut, "application/json", StreamAnswer.Json("{\"status\":\"Loading layer\",\"id\":\"a1b2c3\"}"), StreamAnswer.Json("{\"stream\":\"Loaded image: 127.0.0.1:5000/team/app:1.0\\n\"}")));
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new ImportContainerImageCommand().ExecuteAsync(Engine(server), new[] { tar }, output, default));

            AssertCut(server, failure, "POST /images/load");
            Assert.Empty(output.Objects);
            Assert.Empty(output.Errors);
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public async Task A_followed_log_whose_engine_dies_ends_with_a_connection_error(StreamEnding cut)
        {
            using var server = CuttingAfterLookups("/logs", StreamAnswer.Build(cut, "application/vnd.docker.raw-stream", StreamAnswer.Frame(1, "one\n"), StreamAnswer.Frame(2, "two\n")));
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new GetContainerLogCommand { Follow = true }.ExecuteAsync(Engine(server), new[] { "web" }, output, default));

            AssertCut(server, failure, "GET /containers/4f9d1c0e5b7a/logs");
            Assert.Equal(new[] { "one" }, output.ObjectsOf<ContainerLogLine>().Select(line => line.Text));
        }

        [Fact]
        public async Task Several_followed_logs_whose_engine_dies_end_with_a_connection_error()
        {
            using var server = CuttingAfterLookups("/logs", StreamAnswer.Build(StreamEnding.ChunkBoundary, "application/vnd.docker.raw-stream", StreamAnswer.Frame(1, "one\n"), StreamAnswer.Frame(2, "two\n")));
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new GetContainerLogCommand { Follow = true }.ExecuteAsync(Engine(server), new[] { "web", "db" }, output, default));

            AssertCut(server, failure, "GET /containers/4f9d1c0e5b7a/logs");
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public async Task Followed_events_whose_engine_dies_end_with_a_connection_error(StreamEnding cut)
        {
            using var server = CuttingAfterLookups("/events", StreamAnswer.Build(cut, "application/json", FirstEvent, SecondEvent));
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new GetContainerEventCommand { Follow = true }.ExecuteAsync(Engine(server), output, default));

            AssertCut(server, failure, "GET /events");
            Assert.Equal(new[] { "start" }, output.ObjectsOf<ContainerEvent>().Select(e => e.Action));
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public async Task Streamed_statistics_whose_engine_dies_end_with_a_connection_error(StreamEnding cut)
        {
            using var server = CuttingAfterLookups("/stats", StreamAnswer.Build(cut, "application/json", StreamAnswer.Json("{\"id\":\"4f9d1c0e5b7a\",\"read\":\"2026-12-06T22:00:01Z\"}"), StreamAnswer.Json("{\"id\":\"4f9d1c0e5b7a\",\"read\":\"2026-12-06T22:00:02Z\"}")));
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new GetContainerStatisticsCommand { Stream = true }.ExecuteAsync(Engine(server), new[] { "web" }, output, default));

            AssertCut(server, failure, "GET /containers/4f9d1c0e5b7a/stats");
            Assert.Empty(output.Errors);
        }

        [Theory]
        [InlineData("logs")]
        [InlineData("events")]
        [InlineData("stats")]
        public async Task Stopping_a_follow_is_a_quiet_cancellation_not_a_connection_error(string stream)
        {
            // The engine sends one item and then nothing, as a quiet container does: the command waits on it when stopped.
            byte[] first = stream == "logs" ? StreamAnswer.Frame(1, "one\n") : stream == "events" ? FirstEvent : StreamAnswer.Json("{\"id\":\"4f9d1c0e5b7a\"}");
            using var server = new ScriptedEngine("/" + stream, async connection =>
            {
                await connection.WriteAsync($"HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{first.Length:x}\r\n");
                await connection.WriteAsync(first);
                await connection.WriteAsync("\r\n");
                await Task.Delay(Timeout.Infinite, connection.Stopping);
            });
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource();
            ContainerEngine engine = Engine(server);
            Task command = stream switch
            {
                "logs" => Task.Run(() => new GetContainerLogCommand { Follow = true }.ExecuteAsync(engine, new[] { "web" }, output, stop.Token)),
                "events" => Task.Run(() => new GetContainerEventCommand { Follow = true }.ExecuteAsync(engine, output, stop.Token)),
                _ => Task.Run(() => new GetContainerStatisticsCommand { Stream = true }.ExecuteAsync(engine, new[] { "web" }, output, stop.Token)),
            };

            await server.Streaming.Task.WaitAsync(TimeSpan.FromSeconds(30));
            stop.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.WaitAsync(Promptly.Bound));
            Assert.Empty(output.Errors);
        }

        public void Dispose()
        {
            _logins.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        private static void AssertCut(ScriptedEngine server, EngineConnectionException failure, string request)
        {
            Assert.StartsWith($"unexpected EOF: the engine at unix://{server.SocketPath} closed the connection before the end of its answer to {request}", failure.Message, StringComparison.Ordinal);
            CommandError error = ErrorClassifier.Classify(failure, "web");
            Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        }

        private static ContainerEngine Engine(ScriptedEngine server) => EngineDirectory.Get(server.Endpoint, null, new Version(1, 41), "fake", "parameter");

        /// <summary>An engine that answers look-ups and cuts the answer to the request whose path holds <paramref name="stream"/>.</summary>
        private static ScriptedEngine CuttingAfterLookups(string stream, byte[] answer) =>
            new ScriptedEngine(stream, connection => connection.WriteAsync(answer));

        /// <summary>
        /// Answers container and image inspects with <see cref="Container"/> and <see cref="Image"/>, and hands the
        /// request whose path holds the stream's to a script, after which the connection closes.
        /// </summary>
        private sealed class ScriptedEngine : IDisposable
        {
            private readonly FakeEngineServer _server;
            private readonly System.Collections.Concurrent.ConcurrentQueue<string> _requests = new System.Collections.Concurrent.ConcurrentQueue<string>();

            public ScriptedEngine(string stream, Func<FakeConnection, Task> answerStream)
            {
                _server = new FakeEngineServer(async connection =>
                {
                    for (string? head; (head = await connection.ReadRequestAsync()) != null;)
                    {
                        string target = head.Split(' ')[1].Split('?')[0];
                        _requests.Enqueue(head.Split(' ')[0] + " " + target);
                        if (target.EndsWith(stream, StringComparison.Ordinal) || target.Contains(stream + "/", StringComparison.Ordinal))
                        {
                            Streaming.TrySetResult(true);
                            await answerStream(connection);
                            return;
                        }

                        await connection.WriteAsync(FakeConnection.Ok(target.StartsWith("/v1.41/images/", StringComparison.Ordinal) ? Image : Container));
                    }
                });
            }

            public TaskCompletionSource<bool> Streaming { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            public string SocketPath => _server.SocketPath;

            public global::Containers.Engine.Transport.EngineEndpoint Endpoint => _server.Endpoint;

            public string[] Requests => _requests.ToArray();

            public void Dispose() => _server.Dispose();
        }
    }
}
