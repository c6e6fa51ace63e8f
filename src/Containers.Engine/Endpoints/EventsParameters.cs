namespace Containers.Engine.Endpoints
{
    /// <summary>The query of <c>GET /events</c>.</summary>
    public sealed class EventsParameters
    {
        /// <summary>Unix seconds with a fraction: past events from this moment on, from the engine's recent ones.</summary>
        public string? Since { get; set; }

        /// <summary>Unix seconds with a fraction: the engine ends the stream at this moment; in the past, after the past events.</summary>
        public string? Until { get; set; }

        public Filters Filters { get; } = new Filters();
    }
}
