using Containers.Engine.Models;

namespace Containers.Models
{
    /// <summary>
    /// One step of an image's history (docker history): the instruction that made a layer, or that changed only the
    /// image's settings (those add no bytes). Get-ContainerImageHistory returns them newest first.
    /// </summary>
    public sealed class ContainerImageHistoryEntry
    {
        // What the engine writes for a step whose image was made elsewhere (pulled or loaded layers keep no image id).
        private const string MissingId = "<missing>";

        /// <summary>The image whose history this is, as it was asked for.</summary>
        public string ImageName { get; private set; } = string.Empty;

        /// <summary>The id of the image this step made (<c>sha256:...</c>); null for steps made on another machine.</summary>
        public string? Id { get; private set; }

        /// <summary>The id as docker history shows it: 12 hex digits; null with <see cref="Id"/>.</summary>
        public string? ShortId => Id == null ? null : ContainerImage.ShortIdOf(Id);

        /// <summary>Local time.</summary>
        public DateTime Created { get; private set; }

        /// <summary>The instruction, as the engine recorded it ("/bin/sh -c #(nop)  CMD [\"sh\"]").</summary>
        public string CreatedBy { get; private set; } = string.Empty;

        /// <summary>Bytes this step added; 0 for steps that changed only settings.</summary>
        public long Size { get; private set; }

        /// <summary>The names the image of this step has here.</summary>
        public ReadableList<string> Tags { get; private set; } = ReadableList<string>.Empty;

        public string? Comment { get; private set; }

        public override string ToString() => CreatedBy;

        public static ContainerImageHistoryEntry FromHistoryItem(ImageHistoryItem item, string imageName) =>
            new ContainerImageHistoryEntry
            {
                ImageName = imageName,
                Id = string.IsNullOrEmpty(item.Id) || item.Id == MissingId ? null : item.Id,
                Created = DateTimeOffset.FromUnixTimeSeconds(item.Created).LocalDateTime,
                CreatedBy = item.CreatedBy ?? string.Empty,
                Size = item.Size,
                Tags = new ReadableList<string>(item.Tags?.Where(tag => tag != "<none>:<none>")),
                Comment = string.IsNullOrEmpty(item.Comment) ? null : item.Comment,
            };
    }
}
