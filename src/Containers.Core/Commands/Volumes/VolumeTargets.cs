using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Models;
using Containers.Engines;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Volumes
{
    /// <summary>
    /// Expands what the user named into volumes: a literal name passes through as is (the engine says when there is no
    /// such volume); a wildcard matches volume names, and matching nothing is not an error.
    /// </summary>
    public static class VolumeTargets
    {
        /// <summary>For error ids: VolumeNotFound, VolumeInUse, ...</summary>
        public const string Resource = "Volume";

        public static async Task<IReadOnlyList<string>> ExpandAsync(ContainerEngine engine, string name, CancellationToken cancellationToken)
        {
            if (!Wildcard.ContainsWildcard(name))
            {
                return new[] { name };
            }

            var pattern = new Wildcard(name);
            VolumeListResponse listing = await engine.Client.Volumes.ListAsync(null, cancellationToken);
            return (listing.Volumes ?? new List<Volume>())
                .Select(volume => volume.Name)
                .Where(pattern.IsMatch)
                .OrderBy(found => found, StringComparer.OrdinalIgnoreCase)
                .ToArray();
        }

        /// <summary>Expands, reporting a failure (engine errors about this name) as a non-terminating error and yielding nothing.</summary>
        public static async Task<IReadOnlyList<string>> ExpandOrReportAsync(ContainerEngine engine, string name, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                return await ExpandAsync(engine, name, cancellationToken);
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, name, Resource));
                return Array.Empty<string>();
            }
        }

        /// <summary>How a target reads in -WhatIf and confirmation text.</summary>
        public static string Describe(string name, ContainerEngine engine) =>
            WhatIfTarget.On(engine, $"volume '{name}'");
    }
}
