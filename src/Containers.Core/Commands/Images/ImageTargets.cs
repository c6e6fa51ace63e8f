using Containers.Commands.Targets;
using Containers.Engine.Endpoints;
using Containers.Models;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Images as targets: a literal name or id passes through; a wildcard matches repository:tag among the listed images
    /// (<see cref="ImageNamePattern"/>), each name once.
    /// </summary>
    public static class ImageTargets
    {
        /// <summary>For error ids: ImageNotFound, ImageInUse, ...</summary>
        public const string Resource = "Image";

        public static readonly TargetKind Kind = new TargetKind("image", Resource, MatchAsync)
        {
            IsPattern = named => new ImageNamePattern(named).IsWildcard,
        };

        private static async Task<IEnumerable<string>> MatchAsync(ContainerEngine engine, string named, CancellationToken cancellationToken)
        {
            var pattern = new ImageNamePattern(named);
            return (await engine.Client.Images.ListAsync(new ImageListParameters(), cancellationToken))
                .SelectMany(summary => ContainerImage.FromSummary(summary, engine))
                .Where(pattern.Matches)
                .Select(image => image.Name)
                .Distinct(StringComparer.Ordinal);
        }
    }
}
