using System.Text;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Tests.Engine.Streams;
using Xunit;

namespace Containers.Tests.Engine
{
    /// <summary>
    /// The hijacked connection itself, against a scripted server: what a real engine does only sometimes (output in the
    /// same packet as the 101, a 200 instead of 101) happens here every time.
    /// </summary>
    public class HijackTests
    {
        private static readonly EngineClientOptions Pinned = new EngineClientOptions { PinnedApiVersion = new Version(1, 41) };

        private static byte[] Concat(params byte[][] parts)
        {
            int length = 0;
            foreach (byte[] part in parts)
            {
                length += part.Length;
            }

            var all = new byte[length];
            int offset = 0;
            foreach (byte[] part in parts)
            {
                part.CopyTo(all, offset);
                offset += part.Length;
            }

            return all;
        }

        private static EngineRequest ExecStart() => new EngineRequest("POST", "/exec/abc/start")
        {
            Content = RequestContent.FromBytes(Encoding.UTF8.GetBytes("{\"Detach\":false,\"Tty\":false}"), "application/json"),
            Timeout = ResponseTimeout.None,
        }.About(EngineResourceKind.Exec, "abc");

        [Theory]
        [InlineData("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n")]
        public async Task Output_sent_in_the_same_packet_as_the_headers_is_read_first(string head)
        {
            string? request = null;
            using var server = new FakeEngineServer(async connection =>
            {
                request = await connection.ReadRequestAsync();
                await connection.WriteAsync(Concat(Encoding.ASCII.GetBytes(head), StreamAnswer.Frame(1, "hello é"), StreamAnswer.Frame(2, "warn\n"), StreamAnswer.Frame(1, "\nbye\n")));
                connection.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
                await connection.ReadToEndAsync();
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            using HijackedStream stream = await client.HijackAsync(ExecStart());
            CapturedOutput output = await CapturedOutput.ReadAsync(stream, tty: false, 3);

            Assert.Equal(new[] { "hello é", "bye" }, output.StdoutLines);
            Assert.Equal(new[] { "warn" }, output.StderrLines);
            Assert.Contains("Connection: Upgrade", request, StringComparison.Ordinal);
            Assert.Contains("Upgrade: tcp", request, StringComparison.Ordinal);
            Assert.StartsWith("POST /v1.41/exec/abc/start HTTP/1.1", request, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Closing_the_sending_side_lets_the_engine_see_the_end_of_input_while_output_still_flows()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await connection.WriteAsync("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");

                // Like cat: everything that came in goes back out, and only after the input has ended.
                byte[] input = await connection.ReadToEndAsync();
                await connection.WriteAsync(StreamAnswer.Frame(1, "got " + input.Length + ": " + Encoding.UTF8.GetString(input)));
                connection.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            using HijackedStream stream = await client.HijackAsync(ExecStart());
            byte[] input = Encoding.UTF8.GetBytes("some input ✓");
            await stream.WriteAsync(input, 0, input.Length);
            await stream.CloseWriteAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            CapturedOutput output = await CapturedOutput.ReadAsync(stream, tty: false, 4096, limit.Token);

            Assert.Equal(new[] { "got " + input.Length + ": some input ✓" }, output.StdoutLines);
        }

        [Fact]
        public async Task An_error_instead_of_an_upgrade_is_the_typed_engine_error()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                string body = "{\"message\":\"No such exec instance: abc\"}";
                await connection.WriteAsync($"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}");
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => client.HijackAsync(ExecStart()));

            Assert.Equal("No such exec instance: abc", error.Message);
            Assert.Equal(EngineResourceKind.Exec, error.ResourceKind);
        }

        [Fact]
        public async Task Cancelling_a_read_on_a_hijacked_stream_ends_it_within_a_second()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await connection.WriteAsync("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
                await connection.ReadToEndAsync();
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);
            using HijackedStream stream = await client.HijackAsync(ExecStart());
            using var cancel = new CancellationTokenSource();

            Task<int> read = stream.ReadAsync(new byte[16], 0, 16, cancel.Token);
            await Task.Delay(100);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
            Assert.True(clock.Elapsed < Containers.Tests.Fixtures.Promptly.Bound, $"cancelling took {clock.Elapsed}");
        }

        [Fact]
        public async Task Writing_after_the_engine_closed_the_stream_is_a_connection_error()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await connection.WriteAsync("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
                connection.Socket.Close(); // the process exited and the engine hung up
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);
            using HijackedStream stream = await client.HijackAsync(ExecStart());
            Assert.Equal(0, await stream.ReadAsync(new byte[16], 0, 16));

            var input = new byte[64 * 1024];
            await Assert.ThrowsAsync<EngineConnectionException>(async () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    await stream.WriteAsync(input, 0, input.Length);
                }
            });
        }
    }
}
