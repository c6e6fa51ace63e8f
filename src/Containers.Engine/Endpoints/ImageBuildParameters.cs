namespace Containers.Engine.Endpoints
{
    /// <summary>Query options of <c>POST /build</c> (the classic builder: BuildKit's session protocol is not spoken here).</summary>
    public sealed class ImageBuildParameters
    {
        /// <summary>The Dockerfile's name inside the context.</summary>
        public string Dockerfile { get; set; } = "Dockerfile";

        /// <summary>Names to tag the result with (repository:tag).</summary>
        public IList<string> Tags { get; } = new List<string>();

        public IDictionary<string, string?> BuildArgs { get; } = new Dictionary<string, string?>();

        public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>();

        /// <summary>The stage of a multi-stage Dockerfile to stop at.</summary>
        public string? Target { get; set; }

        public bool NoCache { get; set; }

        /// <summary>Pull newer versions of the base images.</summary>
        public bool Pull { get; set; }

        /// <summary>os[/arch[/variant]].</summary>
        public string? Platform { get; set; }
    }
}
