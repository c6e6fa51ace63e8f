namespace Containers.Engine.Models
{
    /// <summary><c>POST /images/prune</c>.</summary>
    public sealed class ImagePruneResponse
    {
        public List<ImageDeleteResponseItem>? ImagesDeleted { get; set; }

        /// <summary>Bytes.</summary>
        public long SpaceReclaimed { get; set; }
    }
}
