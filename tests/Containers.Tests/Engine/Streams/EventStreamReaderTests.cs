using System.Text;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.Models;
using Xunit;

namespace Containers.Tests.Engine.Streams
{
    /// <summary>The event stream read by the same value-by-value reader: no reliance on newlines, any split point.</summary>
    public class EventStreamReaderTests
    {
        private const string Stream =
            "{\"status\":\"start\",\"id\":\"c1\",\"from\":\"img\",\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"image\":\"img\",\"name\":\"web\"}},\"scope\":\"local\",\"time\":1714557600,\"timeNano\":1714557600123456789}"
            + "\u0000{\"Type\":\"volume\",\"Action\":\"mount\",\"Actor\":{\"ID\":\"data\",\"Attributes\":{\"driver\":\"local\"}},\"scope\":\"local\",\"time\":1714557601}\n";

        [Fact]
        public async Task Every_split_gives_the_same_events()
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Stream);
            for (int split = 1; split <= bytes.Length; split++)
            {
                var reader = new JsonValueReader<EventMessage>(new ChunkedStream(bytes, split));
                var events = new List<EventMessage>();
                for (EventMessage? message = await reader.ReadAsync(); message != null; message = await reader.ReadAsync())
                {
                    events.Add(message);
                }

                Assert.Equal(2, events.Count);
                Assert.Equal(("container", "start", "c1", "web"), (events[0].Type, events[0].Action, events[0].Actor!.ID, events[0].Actor!.Attributes!["name"]));
                Assert.Equal(("volume", "mount", "data"), (events[1].Type, events[1].Action, events[1].Actor!.ID));
            }
        }

        [Fact]
        public void An_event_keeps_its_time_to_the_tick_and_its_name_from_the_attributes()
        {
            ContainerEngine engine = EngineDirectory.Get(EngineEndpoint.Parse("unix:///tmp/cte-nowhere.sock"), null, null, "nowhere", "parameter");
            var message = new EventMessage { Type = "container", Action = "die", Actor = new EventActor { ID = "c1", Attributes = new Dictionary<string, string> { ["name"] = "web", ["exitCode"] = "3" } }, Time = 1714557600, TimeNano = 1714557600123456789 };
            ContainerEvent e = ContainerEvent.FromMessage(message, engine);
            Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567), e.Time.ToUniversalTime());
            Assert.Equal(DateTimeKind.Local, e.Time.Kind);
            Assert.Equal("web", e.Name);
            Assert.Equal("3", e.Attributes["exitCode"]);

            // Older engines send whole seconds only; objects without a name (images by id) have none.
            ContainerEvent old = ContainerEvent.FromMessage(new EventMessage { Type = "image", Action = "delete", Actor = new EventActor { ID = "sha256:ab" }, Time = 1714557600 }, engine);
            Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), old.Time.ToUniversalTime());
            Assert.Null(old.Name);
            Assert.Empty(old.Attributes);
        }

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
