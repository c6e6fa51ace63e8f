using System.Text.RegularExpressions;
using Containers.Engine.References;
using Containers.Models;
using Containers.Text;

namespace Containers.Commands.Images
{
    /// <summary>
    /// What one -Name value matches among listed images, as docker images reads its REPOSITORY[:TAG] argument:
    /// a wildcard matches repository:tag (or the repository alone) as the docker CLI shows them, so never an image
    /// without a name; a literal name matches
    /// after normalising both sides ('nginx' is docker.io/library/nginx), all tags of the repository when it gives none;
    /// a literal may also be an image id or a prefix of one, or repository@digest.
    /// </summary>
    public sealed class ImageNamePattern
    {
        // Id prefixes shorter than this would match by accident; the docker CLI shows 12 digits.
        private const int ShortestIdPrefix = 3;

        private static readonly Regex HexId = new Regex("^(?:sha256:)?([0-9a-f]+)$", RegexOptions.CultureInvariant);

        private readonly Wildcard? _wildcard;
        private readonly ImageReference? _reference;
        private readonly bool _tagGiven;
        private readonly string? _idPrefix;

        public ImageNamePattern(string text)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
            if (Wildcard.ContainsWildcard(text))
            {
                _wildcard = new Wildcard(text);
                return;
            }

            if (ImageReference.TryParse(text, out ImageReference? reference, out _))
            {
                _reference = reference;
                int colon = text.LastIndexOf(':');
                _tagGiven = reference!.Digest == null && colon > text.LastIndexOf('/');
            }

            Match hex = HexId.Match(text);
            if (hex.Success && (hex.Groups[1].Length >= ShortestIdPrefix || text.StartsWith("sha256:", StringComparison.Ordinal)))
            {
                _idPrefix = "sha256:" + hex.Groups[1].Value;
            }
        }

        public string Text { get; }

        public bool IsWildcard => _wildcard != null;

        public bool Matches(ContainerImage image)
        {
            if (_wildcard != null)
            {
                // Names only: an image without one is not matched by its id.
                return image.Repository != null && (_wildcard.IsMatch(image.Name) || _wildcard.IsMatch(image.Repository));
            }

            if (_idPrefix != null && image.Id.StartsWith(_idPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (_reference == null || image.Repository == null)
            {
                return false;
            }

            if (!ImageReference.TryParse(image.Name, out ImageReference? name, out _) || name!.Repository != _reference.Repository)
            {
                return false;
            }

            if (_reference.Digest != null)
            {
                return image.RepoDigests.Any(digest => ImageReference.TryParse(digest, out ImageReference? have, out _)
                    && have!.Repository == _reference.Repository && have.Digest == _reference.Digest);
            }

            return !_tagGiven || name.Tag == _reference.Tag;
        }
    }
}
