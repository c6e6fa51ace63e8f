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
    }
}
