using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Containers.Engine;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.References;
using Containers.Engine.Streams;
using Xunit;

namespace Containers.Tests.Engine
{
    /// <summary>
    /// An engine that dies in the middle of an answer (the body shorter than its Content-Length, or chunks without the
    /// last one) gives an error, never a result made of what arrived: for listings and inspects, which on a unix socket
    /// go over the pool of blocking connections, and for calls over the asynchronous pool. A real engine will not die on
    /// cue, so a scripted one on a unix socket sends the engine's own headers and then hangs up.
    /// </summary>
    public sealed class CutAnswerTests
    {
        private static readonly EngineClientOptions Pinned = new EngineClientOptions { PinnedApiVersion = new Version(1, 41) };

        private const string ContainerList = "[{\"Id\":\"4f9d1c\",\"Names\":[\"/web\"],\"Image\":\"busybox\",\"State\":\"running\"},{\"Id\":\"77ab02\",\"Names\":[\"/db\"]}]";

        public static TheoryData<string> Cuts => new TheoryData<string> { "length", "chunks" };

        [Theory]
        [MemberData(nameof(Cuts))]
        public async Task A_listing_cut_short_is_an_error(string cut)
        {
            using var server = CuttingServer(cut);
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            await Assert.ThrowsAsync<EngineConnectionException>(() => client.Containers.ListAsync(new ContainerListParameters { All = true }));
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public async Task A_version_answer_cut_short_is_an_error(string cut)
        {
            using var server = CuttingServer(cut);
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.VersionAsync());
        }

        [Fact]
        public async Task A_pull_whose_progress_stream_stops_before_its_last_chunk_is_an_error_not_a_finished_pull()
        {
            // Two progress messages of a pull, then the engine dies: the messages arrive, the pull does not succeed.
            const string messages = "{\"status\":\"Pulling from team/app\",\"id\":\"1.0\"}\r\n{\"status\":\"Downloading\",\"id\":\"a1b2c3\"}\r\n";
            using var server = new FakeEngineServer(async connection =>
            {
                if (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + $"{messages.Length:x}\r\n{messages}\r\n");
                }
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);
            var seen = new List<string?>();

            using JsonMessageReader pull = await client.Images.PullAsync(ImageReference.Parse("127.0.0.1:5000/team/app:1.0"));
            await Assert.ThrowsAsync<EngineConnectionException>(() => pull.ReadToEndAsync(message => seen.Add(message.Status)));

            Assert.Equal(new[] { "Pulling from team/app", "Downloading" }, seen);
        }

        /// <summary>Answers every request with the first half of <see cref="ContainerList"/>, then closes the connection.</summary>
        private static FakeEngineServer CuttingServer(string cut) => new FakeEngineServer(async connection =>
        {
            if (await connection.ReadRequestAsync() == null)
            {
                return;
            }

            string half = ContainerList.Substring(0, ContainerList.Length / 2);
            string head = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n";
            await connection.WriteAsync(cut == "length"
                ? head + $"Content-Length: {ContainerList.Length}\r\n\r\n{half}"
                : head + $"Transfer-Encoding: chunked\r\n\r\n{half.Length:x}\r\n{half}\r\n");
        });
    }
}
