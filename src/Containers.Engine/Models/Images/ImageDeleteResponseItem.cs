namespace Containers.Engine.Models
{
    /// <summary>One line of what <c>DELETE /images/{name}</c> and image prune did: a tag taken off, or an image deleted.</summary>
    public sealed class ImageDeleteResponseItem
    {
        public string? Untagged { get; set; }

        public string? Deleted { get; set; }
    }
}
