using System.Collections;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Networks
{
    /// <summary>
    /// Get-ContainerNetwork: every network, or the ones named. A literal name or id that matches nothing is a
    /// NetworkNotFound error, a wildcard that matches nothing is not. Each network is inspected, because the listing
    /// leaves out the containers attached.
    /// </summary>
    public sealed class GetContainerNetworkCommand
    {
        public IReadOnlyList<string>? Name { get; set; }

        public IReadOnlyList<string>? Id { get; set; }

        /// <summary>Only networks of these drivers (bridge, overlay, ...).</summary>
        public IReadOnlyList<string>? Driver { get; set; }

        /// <summary>The engine's filters (driver, label, scope, type, dangling, ...): each value a string or a list.</summary>
        public IDictionary? Filter { get; set; }

        /// <summary><c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            var filters = new Filters();
            FilterArguments.AddTable(filters, Filter);
            FilterArguments.AddLabels(filters, Label);
            foreach (string driver in Driver ?? Array.Empty<string>())
            {
                filters.Add("driver", driver);
            }

            List<NetworkResource> networks = await engine.Client.Networks.ListAsync(filters, cancellationToken);
            var selected = new List<NetworkResource>();
            if ((Name?.Count ?? 0) == 0 && (Id?.Count ?? 0) == 0)
            {
                selected.AddRange(networks.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase));
            }

            foreach (string name in Name ?? Array.Empty<string>())
            {
                Select(name, networks.Where(n => Matches(n, name)).OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase), engine, selected, output);
            }

            foreach (string id in Id ?? Array.Empty<string>())
            {
                Select(id, networks.Where(n => n.Id.StartsWith(id.Trim(), StringComparison.OrdinalIgnoreCase)), engine, selected, output);
            }

            foreach (NetworkResource network in selected)
            {
                try
                {
                    NetworkResource inspected = await engine.Client.Networks.InspectAsync(network.Id, cancellationToken);
                    output.WriteObject(ContainerNetwork.FromResource(inspected, engine));
                }
                catch (EngineNotFoundException)
                {
                    // Removed between the listing and now: it is no longer there to show.
                }
            }
        }

        private static bool Matches(NetworkResource network, string name)
        {
            if (Wildcard.ContainsWildcard(name))
            {
                return new Wildcard(name).IsMatch(network.Name);
            }

            string literal = name.Trim();
            return string.Equals(network.Name, literal, StringComparison.Ordinal)
                || (literal.Length >= 3 && network.Id.StartsWith(literal, StringComparison.OrdinalIgnoreCase));
        }

        private static void Select(string asked, IEnumerable<NetworkResource> matches, ContainerEngine engine, List<NetworkResource> selected, ICommandOutput output)
        {
            bool any = false;
            foreach (NetworkResource network in matches)
            {
                any = true;
                if (!selected.Any(s => s.Id == network.Id))
                {
                    selected.Add(network);
                }
            }

            if (!any && !Wildcard.ContainsWildcard(asked))
            {
                var missing = new EngineNotFoundException($"No network named or with the id '{asked}' exists on {engine.Name}.", EngineResourceKind.Network, asked);
                output.WriteError(NetworkErrors.Classify(missing, asked));
            }
        }
    }
}
