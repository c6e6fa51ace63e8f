namespace Containers.Engine.Endpoints
{
    /// <summary>Query options of <c>POST /commit</c>.</summary>
    public sealed class ContainerCommitParameters
    {
        /// <summary>The repository to tag the new image with, when it should have a name.</summary>
        public string? Repository { get; set; }

        public string? Tag { get; set; }

        public string? Comment { get; set; }

        public string? Author { get; set; }

        /// <summary>Pause the container while its filesystem is read (the engine's default, as docker commit's).</summary>
        public bool Pause { get; set; } = true;

        /// <summary>Dockerfile instructions to apply (CMD, ENV, LABEL, ...), as docker commit --change takes them.</summary>
        public IList<string> Changes { get; } = new List<string>();
    }
}
