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

        /// <summary>Each listing, with an answer of its shape; they are parsed as their bodies arrive.</summary>
        private static readonly Dictionary<string, (string Path, string Body, Func<EngineClient, Task<int>> List)> Listings = new Dictionary<string, (string, string, Func<EngineClient, Task<int>>)>
        {
            ["containers"] = ("/containers/json", ContainerList, async client => (await client.Containers.ListAsync(new ContainerListParameters { All = true })).Count),
            ["images"] = ("/images/json", "[{\"Id\":\"sha256:4f9d1c\",\"RepoTags\":[\"team/app:1.0\"],\"Size\":1024},{\"Id\":\"sha256:77ab02\",\"RepoTags\":null}]", async client => (await client.Images.ListAsync(new ImageListParameters())).Count),
            ["networks"] = ("/networks", "[{\"Name\":\"bridge\",\"Id\":\"4f9d1c\",\"Driver\":\"bridge\"},{\"Name\":\"host\",\"Id\":\"77ab02\"}]", async client => (await client.Networks.ListAsync()).Count),
            ["volumes"] = ("/volumes", "{\"Volumes\":[{\"Name\":\"data\",\"Driver\":\"local\"},{\"Name\":\"logs\"}],\"Warnings\":null}", async client => (await client.Volumes.ListAsync()).Volumes!.Count),
            ["changes"] = ("/containers/web/changes", "[{\"Path\":\"/etc\",\"Kind\":0},{\"Path\":\"/etc/app.conf\",\"Kind\":1}]", async client => (await client.Containers.ChangesAsync("web")).Count),
        };

        public static TheoryData<string, string> ListingCuts()
        {
            var cases = new TheoryData<string, string>();
            foreach (string listing in Listings.Keys)
            {
                foreach (string cut in new[] { "whole", "length", "chunks", "last chunk" })
                {
                    cases.Add(listing, cut);
                }
            }

            return cases;
        }

        [Theory]
        [MemberData(nameof(ListingCuts))]
        public async Task A_listing_cut_anywhere_is_an_unexpected_EOF_naming_the_engine_even_when_its_JSON_is_whole(string listing, string cut)
        {
            (string path, string body, Func<EngineClient, Task<int>> list) = Listings[listing];
            using var server = new FakeEngineServer(async connection =>
            {
                if (await connection.ReadRequestAsync() == null)
                {
                    return;
                }

                string half = body.Substring(0, body.Length / 2);
                string head = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n";
                await connection.WriteAsync(cut switch
                {
                    "whole" => head + $"Transfer-Encoding: chunked\r\n\r\n{half.Length:x}\r\n{half}\r\n{body.Length - half.Length:x}\r\n{body.Substring(half.Length)}\r\n1\r\n\n\r\n0\r\n\r\n",
                    "length" => head + $"Content-Length: {body.Length}\r\n\r\n{half}",
                    "chunks" => head + $"Transfer-Encoding: chunked\r\n\r\n{half.Length:x}\r\n{half}\r\n",

                    // The whole value and the engine's line end, but not the last chunk: the engine died before it.
                    _ => head + $"Transfer-Encoding: chunked\r\n\r\n{body.Length + 1:x}\r\n{body}\n\r\n",
                });
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            if (cut == "whole")
            {
                Assert.Equal(2, await list(client));
                return;
            }

            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => list(client));
            Assert.StartsWith($"unexpected EOF: the engine at unix://{server.SocketPath} closed the connection before the end of its answer to GET {path} (", error.Message, StringComparison.Ordinal);
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
