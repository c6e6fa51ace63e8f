using Containers.Engine.Models;

namespace Containers.Models
{
    /// <summary>Something that happened on an engine (docker events): a container started, an image was pulled, ...</summary>
    public sealed class ContainerEvent
    {
        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private ContainerEvent(string type, string action, string actorId, ReadableDictionary attributes, string? scope, DateTime time, ContainerEngine engine)
        {
            Type = type;
            Action = action;
            ActorId = actorId;
            Attributes = attributes;
            Name = attributes.TryGetValue("name", out string? name) && name.Length > 0 ? name : null;
            Scope = scope;
            Time = time;
            Engine = engine;
        }

        /// <summary>What kind of object it happened to: container, image, volume, network, daemon, plugin, ...</summary>
        public string Type { get; }

        /// <summary>create, start, die, destroy, pull, tag, mount, ...; exec and health events carry details after a colon.</summary>
        public string Action { get; }

        /// <summary>The object's id: a container or image id, a volume name, a network id.</summary>
        public string ActorId { get; }

        /// <summary>What the engine tells about the object: name, image, exitCode, the container's labels, ...</summary>
        public ReadableDictionary Attributes { get; }

        /// <summary>The object's name, where the engine gives one (containers, volumes, networks, images by reference).</summary>
        public string? Name { get; }

        /// <summary>local (this engine) or swarm.</summary>
        public string? Scope { get; }

        /// <summary>Local time, to the tick.</summary>
        public DateTime Time { get; }

        /// <summary>The engine it happened on.</summary>
        public ContainerEngine Engine { get; }

        public override string ToString() => $"{Type} {Action} {Name ?? ActorId}";

        public static ContainerEvent FromMessage(EventMessage message, ContainerEngine engine)
        {
            // timeNano is the precise moment; time (whole seconds) is all older engines send.
            DateTime time = message.TimeNano != 0
                ? UnixEpoch.AddTicks(message.TimeNano / 100)
                : UnixEpoch.AddSeconds(message.Time);
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> pair in message.Actor?.Attributes ?? new Dictionary<string, string>())
            {
                attributes[pair.Key] = pair.Value;
            }

            return new ContainerEvent(
                message.Type ?? string.Empty,
                message.Action ?? string.Empty,
                message.Actor?.ID ?? string.Empty,
                new ReadableDictionary(attributes),
                message.Scope,
                time.ToLocalTime(),
                engine);
        }
    }
}
