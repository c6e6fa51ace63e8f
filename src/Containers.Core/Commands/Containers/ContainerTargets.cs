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
using Containers.Text;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Expands what the user named into containers: a literal name or id passes through as is (the engine resolves
    /// names, ids and id prefixes); a wildcard matches container names, as Stop-Process -Name does, and matching nothing is
    /// not an error.
    /// </summary>
    public static class ContainerTargets
    {
        public static async Task<IReadOnlyList<string>> ExpandAsync(ContainerEngine engine, string nameOrId, CancellationToken cancellationToken)
        {
            if (!Wildcard.ContainsWildcard(nameOrId))
            {
                return new[] { nameOrId.TrimStart('/') };
            }

            var pattern = new Wildcard(nameOrId);
            List<ContainerSummary> all = await engine.Client.Containers.ListAsync(new ContainerListParameters { All = true }, cancellationToken);
            return all
                .Select(summary => Container.FromSummary(summary, engine))
                .Where(container => pattern.IsMatch(container.Name))
                .Select(container => container.Name)
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
                output.WriteError(ErrorClassifier.Classify(e, nameOrId));
                return Array.Empty<string>();
            }
        }

        /// <summary>How a target reads in -WhatIf and confirmation text.</summary>
        public static string Describe(string nameOrId, ContainerEngine engine) =>
            WhatIfTarget.On(engine, $"container '{nameOrId}'");
    }
}
