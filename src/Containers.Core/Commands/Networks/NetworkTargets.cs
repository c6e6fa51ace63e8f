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

namespace Containers.Commands.Networks
{
    /// <summary>
    /// Expands what the user named into networks: a literal name or id passes through as is (the engine resolves names,
    /// ids and id prefixes); a wildcard matches network names, and matching nothing is not an error.
    /// </summary>
    public static class NetworkTargets
    {
        public static async Task<IReadOnlyList<string>> ExpandAsync(ContainerEngine engine, string nameOrId, CancellationToken cancellationToken)
        {
            if (!Wildcard.ContainsWildcard(nameOrId))
            {
                return new[] { nameOrId.Trim() };
            }

            var pattern = new Wildcard(nameOrId);
            List<NetworkResource> all = await engine.Client.Networks.ListAsync(null, cancellationToken);
            return all.Select(n => n.Name).Where(pattern.IsMatch).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
        }

        /// <summary>Expands, reporting a failure as a non-terminating error and yielding nothing.</summary>
        public static async Task<IReadOnlyList<string>> ExpandOrReportAsync(ContainerEngine engine, string nameOrId, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                return await ExpandAsync(engine, nameOrId, cancellationToken);
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(NetworkErrors.Classify(e, nameOrId));
                return Array.Empty<string>();
            }
        }

        /// <summary>How a network reads in -WhatIf and confirmation text.</summary>
        public static string Describe(string nameOrId, ContainerEngine engine) =>
            WhatIfTarget.On(engine, $"network '{nameOrId}'");
    }
}
