using System.Text;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Xunit;

namespace Containers.Tests.Engine.Streams
{
    /// <summary>
    /// The message stream as engines and proxies have been seen to send it: no newlines, values split anywhere, NULs and
    /// record separators between values. Every split point of the same bytes must give the same messages.
    /// </summary>
    public class JsonMessageReaderTests
    {
        private const string Stream =
            "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"a1\"}"
            + "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":512,\"total\":2048},\"progress\":\"[==>  ]\",\"id\":\"a1\"}\u0000"
            + "\u001e{\"stream\":\"Step 1/2 : FROM base\\n\"}\r\n \t"
            + "{\"aux\":{\"ID\":\"sha256:abc\"}}{\"status\":\"caf\u00e9 \u2713\"}\n";

        [Fact]
        public async Task Every_split_of_the_stream_gives_the_same_messages()
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Stream);
            for (int split = 1; split <= bytes.Length; split++)
            {
                List<JsonMessage> messages = await ReadAllAsync(new ChunkedStream(bytes, split));
                Assert.Equal(5, messages.Count);
                Assert.Equal(("Pulling fs layer", "a1"), (messages[0].Status, messages[0].Id));
                Assert.Equal((512L, 2048L), (messages[1].ProgressDetail!.Current, messages[1].ProgressDetail!.Total));
                Assert.Equal("Step 1/2 : FROM base\n", messages[2].Stream);
                Assert.Equal("sha256:abc", messages[3].Aux!.Value.GetProperty("ID").GetString());
                Assert.Equal("caf\u00e9 \u2713", messages[4].Status);
                Assert.All(messages, message => Assert.False(message.IsError));
            }
        }

        [Fact]
        public async Task An_error_in_the_stream_is_raised_with_its_code()
        {
            var reader = new JsonMessageReader(new MemoryStream(Encoding.UTF8.GetBytes(
                "{\"stream\":\"Step 2/2 : RUN exit 7\\n\"}{\"errorDetail\":{\"code\":7,\"message\":\"The command '/bin/sh -c exit 7' returned a non-zero code: 7\"},\"error\":\"The command '/bin/sh -c exit 7' returned a non-zero code: 7\"}")));
            (await reader.ReadAsync())!.ThrowIfError();
            JsonMessage failure = (await reader.ReadAsync())!;
            Assert.True(failure.IsError);
            var raised = Assert.Throws<EngineStreamException>(failure.ThrowIfError);
            Assert.Equal(7, raised.Code);
            Assert.Contains("returned a non-zero code: 7", raised.Message);
            Assert.Null(await reader.ReadAsync());
        }

        [Fact]
        public async Task An_error_without_detail_is_still_an_error()
        {
            JsonMessage message = (await new JsonMessageReader(new MemoryStream(Encoding.UTF8.GetBytes("{\"error\":\"open /x: no space left on device\"}"))).ReadAsync())!;
            var raised = Assert.Throws<EngineStreamException>(message.ThrowIfError);
            Assert.Null(raised.Code);
            Assert.Equal("open /x: no space left on device", raised.Message);
        }

        [Fact]
        public async Task A_registry_refusing_credentials_is_an_authentication_error()
        {
            JsonMessage message = (await new JsonMessageReader(new MemoryStream(Encoding.UTF8.GetBytes("{\"errorDetail\":{\"message\":\"unauthorized: authentication required\"},\"error\":\"unauthorized: authentication required\"}"))).ReadAsync())!;
            Assert.Equal("unauthorized: authentication required", Assert.Throws<EngineAuthenticationException>(message.ThrowIfError).Message);
        }

        [Theory]
        [InlineData("{\"status\":\"Downloading\",\"id\":")]
        [InlineData("{\"status\":\"ok\"}{\"sta")]
        public async Task A_stream_that_ends_inside_a_value_is_a_connection_error(string text)
        {
            var reader = new JsonMessageReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), 3));
            var broken = await Assert.ThrowsAsync<EngineConnectionException>(async () =>
            {
                while (await reader.ReadAsync() != null)
                {
                }
            });
            Assert.Contains("ended in the middle of a message", broken.Message);
        }

        [Theory]
        [InlineData("[1,2]", "StartArray")]
        [InlineData("{\"status\":}", "not valid JSON")]
        public async Task Something_other_than_objects_is_refused(string text, string reason)
        {
            var refused = await Assert.ThrowsAsync<EngineConnectionException>(() => new JsonMessageReader(new MemoryStream(Encoding.UTF8.GetBytes(text))).ReadAsync());
            Assert.Contains(reason, refused.Message);
        }

        [Fact]
        public async Task A_message_larger_than_the_first_buffer_is_read_whole()
        {
            string line = new string('x', 100_000);
            JsonMessage message = (await new JsonMessageReader(new ChunkedStream(Encoding.UTF8.GetBytes("{\"stream\":\"" + line + "\"}"), 4096)).ReadAsync())!;
            Assert.Equal(line, message.Stream);
        }

        [Fact]
        public async Task An_empty_stream_has_no_messages() =>
            Assert.Null(await new JsonMessageReader(new MemoryStream(Encoding.UTF8.GetBytes(" \n\u0000"))).ReadAsync());

        private static async Task<List<JsonMessage>> ReadAllAsync(Stream stream)
        {
            var reader = new JsonMessageReader(stream);
            var messages = new List<JsonMessage>();
            JsonMessage? message;
            while ((message = await reader.ReadAsync()) != null)
            {
                messages.Add(message);
            }

            return messages;
        }

        /// <summary>Hands out at most <c>chunk</c> bytes a read, as a socket might.</summary>
        private sealed class ChunkedStream : MemoryStream
        {
            private readonly int _chunk;

            public ChunkedStream(byte[] bytes, int chunk)
                : base(bytes)
            {
                _chunk = chunk;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                base.ReadAsync(buffer, offset, Math.Min(count, _chunk), cancellationToken);
        }
    }
}
