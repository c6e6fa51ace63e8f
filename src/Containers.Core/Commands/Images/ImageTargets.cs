using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Engines;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Expands what the user named into images for the cmdlets that act on them: a literal name or id passes through as
    /// is (the engine resolves names, ids and id prefixes, and says so when there is no such image); a wildcard matches
    /// repository:tag among the listed images, and matching nothing is not an error.
    /// </summary>
    public static class ImageTargets
    {
        /// <summary>For error ids: ImageNotFound, ImageInUse, ...</summary>
        public const string Resource = "Image";

        public static async Task<IReadOnlyList<string>> ExpandAsync(ContainerEngine engine, string nameOrId, CancellationToken cancellationToken)
        {
            var pattern = new ImageNamePattern(nameOrId);
            if (!pattern.IsWildcard)
            {
                return new[] { nameOrId };
            }

            List<ImageSummary> all = await engine.Client.Images.ListAsync(new ImageListParameters(), cancellationToken);
            return all
                .SelectMany(summary => ContainerImage.FromSummary(summary, engine))
                .Where(pattern.Matches)
                .Select(image => image.Name)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                .ToArray();
        }

        /// <summary>Expands, reporting a failure (engine errors about this name) as a non-terminating error and yielding nothing.</summary>
        public static async Task<IReadOnlyList<string>> ExpandOrReportAsync(ContainerEngine engine, string nameOrId, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                return await ExpandAsync(engine, nameOrId, cancellationToken);
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, nameOrId, Resource));
                return Array.Empty<string>();
            }
        }

        /// <summary>How a target reads in -WhatIf and confirmation text.</summary>
        public static string Describe(string nameOrId, ContainerEngine engine) =>
            WhatIfTarget.On(engine, $"image '{nameOrId}'");
    }
}
