namespace Containers.Engine.Endpoints
{
    /// <summary>Query options of <c>POST /containers/{id}/attach</c>.</summary>
    public sealed class ContainerAttachParameters
    {
        public bool Stdin { get; set; }

        public bool Stdout { get; set; } = true;

        public bool Stderr { get; set; } = true;

        /// <summary>Replay the output so far before streaming.</summary>
        public bool Logs { get; set; }

        public string? DetachKeys { get; set; }
    }
}
