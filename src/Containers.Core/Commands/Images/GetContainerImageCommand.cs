using System.Collections;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Get-ContainerImage: docker images, one object per repository:tag, newest first as docker images lists them. A
    /// literal -Name that matches nothing is an ObjectNotFound error; a wildcard that matches nothing is not.
    /// </summary>
    public sealed class GetContainerImageCommand
    {
        /// <summary>REPOSITORY[:TAG] names, ids, id prefixes or wildcards (see <see cref="ImageNamePattern"/>).</summary>
        public IReadOnlyList<string>? Name { get; set; }

        /// <summary>Include intermediate images (docker images -a).</summary>
        public bool All { get; set; }

        /// <summary>Only images without a name (docker images -f dangling=true).</summary>
        public bool Dangling { get; set; }

        /// <summary><c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>The engine's filters (reference, before, since, label, dangling): each value a string or a list of strings.</summary>
        public IDictionary? Filter { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            var parameters = new ImageListParameters { All = All };
            FilterArguments.AddTable(parameters.Filters, Filter);
            FilterArguments.AddLabels(parameters.Filters, Label);
            if (Dangling)
            {
                parameters.Filters.Add("dangling", "true");
            }

            List<ImageSummary> summaries = await engine.Client.Images.ListAsync(parameters, cancellationToken);
            ContainerImage[] images = Sort(summaries.SelectMany(summary => ContainerImage.FromSummary(summary, engine))).ToArray();
            if (Name == null || Name.Count == 0)
            {
                foreach (ContainerImage image in images)
                {
                    output.WriteObject(image);
                }

                return;
            }

            // An image matched by several names is returned once.
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in Name)
            {
                var pattern = new ImageNamePattern(name);
                bool any = false;
                foreach (ContainerImage image in images.Where(pattern.Matches))
                {
                    any = true;
                    if (written.Add(image.Id + " " + image.Name))
                    {
                        output.WriteObject(image);
                    }
                }

                if (!any && !pattern.IsWildcard)
                {
                    var missing = new EngineNotFoundException($"No image named or with the id '{name}' exists on {engine.Name}.", EngineResourceKind.Image, name);
                    output.WriteError(ErrorClassifier.Classify(missing, name, ImageTargets.Resource));
                }
            }
        }

        // Newest first, as the engine and docker images list them (what was just built or pulled is on top); the names of
        // one image, and images made in the same second, by repository and tag with unnamed ones last, so the order is stable.
        private static IEnumerable<ContainerImage> Sort(IEnumerable<ContainerImage> images) =>
            images
                .OrderByDescending(image => image.Created)
                .ThenBy(image => image.Repository == null ? 1 : 0)
                .ThenBy(image => image.Repository, StringComparer.OrdinalIgnoreCase)
                .ThenBy(image => image.Tag, StringComparer.OrdinalIgnoreCase)
                .ThenBy(image => image.Id, StringComparer.Ordinal);
    }
}
