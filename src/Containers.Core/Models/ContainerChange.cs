namespace Containers.Models
{
    /// <summary>What happened to a path of a container's filesystem, as docker diff marks it (C, A, D).</summary>
    public enum ContainerChangeKind
    {
        Modified = 0,
        Added = 1,
        Deleted = 2,
    }

    /// <summary>A path a container added, changed or deleted since it was created from its image.</summary>
    public sealed class ContainerChange
    {
        public ContainerChange(string containerId, string containerName, string path, ContainerChangeKind kind, ContainerEngine engine)
        {
            Engine = engine;
            ContainerId = containerId;
            ContainerName = containerName;
            Path = path;
            Kind = kind;
        }

        public string ContainerId { get; }

        public string ContainerName { get; }

        /// <summary>The absolute path inside the container.</summary>
        public string Path { get; }

        public ContainerChangeKind Kind { get; }

        /// <summary>The engine the container lives on: piping the change on reaches the same engine.</summary>
        public ContainerEngine Engine { get; }

        /// <summary>docker diff's letter: C, A or D.</summary>
        public string Symbol => Kind == ContainerChangeKind.Added ? "A" : Kind == ContainerChangeKind.Deleted ? "D" : "C";

        /// <summary>As docker diff prints it: "A /tmp/file".</summary>
        public override string ToString() => Symbol + " " + Path;
    }
}
