namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>POST /volumes/prune</c>: the names of the volumes removed and the bytes they held.</summary>
    public sealed class VolumePruneResponse
    {
        public List<string>? VolumesDeleted { get; set; }

        public long SpaceReclaimed { get; set; }
    }
}
