namespace Containers.Engine.Errors
{
    /// <summary>Which kind of engine object a request was about, so a 404 can say what was missing.</summary>
    public enum EngineResourceKind
    {
        Unknown,
        Container,
        Image,
        Network,
        Volume,
        Exec,
        Plugin,

        /// <summary>A file or directory inside a container (the archive endpoints).</summary>
        ContainerPath,

        /// <summary>
        /// A container's network sandbox (its network namespace), which the engine looks up when it renames a running
        /// container: "sandbox ID not found" is about the engine's own state, not a missing container.
        /// </summary>
        NetworkSandbox,

        /// <summary>A swarm service.</summary>
        Service,

        /// <summary>A swarm task (one of a service's containers).</summary>
        Task,
    }
}
