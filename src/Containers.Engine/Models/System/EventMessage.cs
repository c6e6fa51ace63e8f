namespace Containers.Engine.Models
{
    /// <summary>One message of <c>GET /events</c>: something that happened to an object the engine manages.</summary>
    public sealed class EventMessage
    {
        /// <summary>container, image, volume, network, daemon, plugin, node, service, secret or config.</summary>
        public string? Type { get; set; }

        /// <summary>create, start, die, pull, ...; some carry details after a colon ("exec_start: sh", "health_status: healthy").</summary>
        public string? Action { get; set; }

        public EventActor? Actor { get; set; }

        /// <summary>local (this engine) or swarm (the cluster).</summary>
        public string? Scope { get; set; }

        /// <summary>Unix seconds.</summary>
        public long Time { get; set; }

        /// <summary>Unix nanoseconds: the same moment as <see cref="Time"/>, precisely.</summary>
        public long TimeNano { get; set; }
    }

    /// <summary>The object an event is about.</summary>
    public sealed class EventActor
    {
        public string? ID { get; set; }

        /// <summary>name, image, exit code, labels, ... as the engine reports them for this kind of event.</summary>
        public Dictionary<string, string>? Attributes { get; set; }
    }
}
