namespace Containers.Engine.Models
{
    /// <summary>A path of a container as a tar stream, with the engine's stat of that path. Dispose it.</summary>
    public sealed class ContainerArchive : IDisposable
    {
        internal ContainerArchive(ContainerPathStat stat, Stream content)
        {
            Stat = stat;
            Content = content;
        }

        public ContainerPathStat Stat { get; }

        /// <summary>The tar stream, read as it arrives.</summary>
        public Stream Content { get; }

        // Disposing the answer's body ends the answer (and frees or drops its connection).
        public void Dispose() => Content.Dispose();
    }
}
