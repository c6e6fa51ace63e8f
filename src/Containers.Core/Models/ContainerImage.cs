using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>
    /// An image under one of its names, as Get-ContainerImage lists it (one object per repository:tag, like docker images;
    /// an image with no name is listed once, with no Repository or Tag). The other image cmdlets return the same shape.
    /// </summary>
    public class ContainerImage
    {
        /// <summary><c>sha256:</c> and 64 hex digits.</summary>
        public string Id { get; protected set; } = string.Empty;

        /// <summary>The id as docker images shows it: 12 hex digits.</summary>
        public string ShortId => ShortIdOf(Id);

        /// <summary>The repository as the docker CLI shows it (nginx, team/app, registry:5000/app); null for an image with no name.</summary>
        public string? Repository { get; protected set; }

        /// <summary>The tag of this name; null for an image with no name.</summary>
        public string? Tag { get; protected set; }

        /// <summary>
        /// What other cmdlets find this image by: repository:tag, or the id when it has no name. Piping the object on
        /// binds -Name to this.
        /// </summary>
        public string Name => Repository != null ? Repository + ":" + Tag : Id;

        /// <summary>Every repository:tag the image has.</summary>
        public ReadableList<string> RepoTags { get; protected set; } = ReadableList<string>.Empty;

        /// <summary>repository@digest names, for images pulled from or pushed to a registry.</summary>
        public ReadableList<string> RepoDigests { get; protected set; } = ReadableList<string>.Empty;

        /// <summary>The content digest this repository knows the image by (<c>sha256:...</c>), when it came from or went to a registry.</summary>
        public string? Digest { get; protected set; }

        /// <summary>Bytes, shared layers included.</summary>
        public long Size { get; protected set; }

        /// <summary>Local time.</summary>
        public DateTime Created { get; protected set; }

        public ReadableDictionary Labels { get; protected set; } = ReadableDictionary.Empty;

        /// <summary>How many containers use the image, when the engine counted them.</summary>
        public int? Containers { get; protected set; }

        public string? ParentId { get; protected set; }

        /// <summary>The engine the image lives on: piping it on reaches the same engine.</summary>
        public ContainerEngine Engine { get; protected set; } = null!;

        public override string ToString() => Name;

        /// <summary>One object per repository:tag of a listed image; one without a name when it has none.</summary>
        public static IEnumerable<ContainerImage> FromSummary(ImageSummary summary, ContainerEngine engine)
        {
            // Older engines list an untagged image as "<none>:<none>".
            string[] tags = (summary.RepoTags ?? new List<string>()).Where(tag => tag != "<none>:<none>").ToArray();
            string[] digests = (summary.RepoDigests ?? new List<string>()).Where(digest => digest != "<none>@<none>").ToArray();
            var labels = new ReadableDictionary(summary.Labels);
            var repoTags = new ReadableList<string>(tags);
            var repoDigests = new ReadableList<string>(digests);
            DateTime created = DateTimeOffset.FromUnixTimeSeconds(summary.Created).LocalDateTime;
            int? containers = summary.Containers >= 0 ? (int)summary.Containers : (int?)null;
            string? parent = string.IsNullOrEmpty(summary.ParentId) ? null : summary.ParentId;
            foreach (string? tag in tags.Length == 0 ? new string?[] { null } : tags)
            {
                (string? repository, string? tagName) = Split(tag);
                yield return new ContainerImage
                {
                    Id = summary.Id,
                    Repository = repository,
                    Tag = tagName,
                    RepoTags = repoTags,
                    RepoDigests = repoDigests,
                    Digest = DigestFor(repository, digests),
                    Size = summary.Size,
                    Created = created,
                    Labels = labels,
                    Containers = containers,
                    ParentId = parent,
                    Engine = engine,
                };
            }
        }

        /// <summary>
        /// An inspected image under the name it was asked for when that is one of its names (an id, or a name it does not
        /// have, gives its first name).
        /// </summary>
        public static ContainerImage FromInspect(ImageInspect inspect, ContainerEngine engine, string? askedFor = null)
        {
            var image = new ContainerImage();
            image.Fill(inspect, engine, askedFor);
            return image;
        }

        /// <summary>Fills in what inspect tells, under the name asked for when that is one of the image's names.</summary>
        protected void Fill(ImageInspect inspect, ContainerEngine engine, string? askedFor)
        {
            string[] tags = (inspect.RepoTags ?? new List<string>()).ToArray();
            string[] digests = (inspect.RepoDigests ?? new List<string>()).ToArray();
            string? name = askedFor != null ? tags.FirstOrDefault(tag => SameName(tag, askedFor)) : null;
            (string? repository, string? tagName) = Split(name ?? tags.FirstOrDefault());
            Fill(inspect, engine, repository, tagName, tags, digests);
        }

        protected void Fill(ImageInspect inspect, ContainerEngine engine, string? repository, string? tag, string[] tags, string[] digests)
        {
            Id = inspect.Id;
            Repository = repository;
            Tag = tag;
            RepoTags = new ReadableList<string>(tags);
            RepoDigests = new ReadableList<string>(digests);
            Digest = DigestFor(repository, digests);
            Size = inspect.Size;
            Created = EngineTime.Parse(inspect.Created) ?? DateTime.MinValue;
            Labels = new ReadableDictionary(inspect.Config?.Labels);
            ParentId = string.IsNullOrEmpty(inspect.Parent) ? null : inspect.Parent;
            Engine = engine;
        }

        public static string ShortIdOf(string id)
        {
            string hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id.Substring(7) : id;
            return hex.Length > 12 ? hex.Substring(0, 12) : hex;
        }

        // "registry:5000/app:v1" splits at the last ':' after the last '/'.
        private static (string? Repository, string? Tag) Split(string? repoTag)
        {
            if (string.IsNullOrEmpty(repoTag))
            {
                return (null, null);
            }

            int colon = repoTag!.LastIndexOf(':');
            return colon > repoTag.LastIndexOf('/') ? (repoTag.Substring(0, colon), repoTag.Substring(colon + 1)) : (repoTag, ImageReference.DefaultTag);
        }

        private static string? DigestFor(string? repository, string[] digests)
        {
            string? match = repository == null ? null : digests.FirstOrDefault(d => d.StartsWith(repository + "@", StringComparison.Ordinal));
            match ??= digests.Length == 1 ? digests[0] : null;
            return match?.Substring(match.IndexOf('@') + 1);
        }

        // "nginx" asks for "nginx:latest"; "docker.io/library/nginx:latest" is the same name too.
        private static bool SameName(string tag, string askedFor)
        {
            if (string.Equals(tag, askedFor, StringComparison.Ordinal))
            {
                return true;
            }

            return ImageReference.TryParse(tag, out ImageReference? have, out _) && ImageReference.TryParse(askedFor, out ImageReference? want, out _)
                && have!.Repository == want!.Repository && have.Tag == want.Tag;
        }
    }
}
