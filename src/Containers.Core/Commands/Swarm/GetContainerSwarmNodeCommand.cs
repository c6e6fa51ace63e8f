using System.Collections;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Swarm
{
    /// <summary>
    /// Get-ContainerSwarmNode: docker node ls and inspect, on a manager. Managers first (the leader first), then workers,
    /// each by host name. A node named by a literal host name, id or id prefix that is not there is SwarmNodeNotFound; a
    /// wildcard that matches nothing is not an error.
    /// </summary>
    public sealed class GetContainerSwarmNodeCommand
    {
        /// <summary>Host names, ids or id prefixes, or wildcards on host names and ids.</summary>
        public IReadOnlyList<string>? Name { get; set; }

        /// <summary>Only managers or only workers ("Manager", "Worker").</summary>
        public string? Role { get; set; }

        /// <summary>Only nodes with these node labels: <c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>The engine's filters (id, name, role, membership, node.label, label).</summary>
        public IDictionary? Filter { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            var filters = new Filters();
            FilterArguments.AddTable(filters, Filter);
            foreach (string label in Label ?? Array.Empty<string>())
            {
                filters.Add("node.label", label);
            }

            if (!string.IsNullOrEmpty(Role))
            {
                filters.Add("role", Role!.ToLowerInvariant());
            }

            List<SwarmNode> nodes;
            string? selfId;
            try
            {
                nodes = Sort(await engine.Client.Nodes.ListAsync(filters, cancellationToken)).ToList();
                selfId = await SwarmNodeTargets.SelfIdAsync(engine, cancellationToken);
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, engine.Name, SwarmNodeTargets.Resource));
                return;
            }

            if (Name == null || Name.Count == 0)
            {
                foreach (SwarmNode node in nodes)
                {
                    output.WriteObject(ContainerSwarmNode.From(node, selfId, engine));
                }

                return;
            }

            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in Name)
            {
                IEnumerable<SwarmNode> named = Wildcard.ContainsWildcard(name) ? nodes.Where(node => SwarmNodeTargets.Matches(new Wildcard(name), node)) : Literal(nodes, name);
                bool any = false;
                foreach (SwarmNode node in named)
                {
                    any = true;
                    if (written.Add(node.ID))
                    {
                        output.WriteObject(ContainerSwarmNode.From(node, selfId, engine));
                    }
                }

                if (!any && !Wildcard.ContainsWildcard(name))
                {
                    var missing = new EngineNotFoundException(
                        $"node {name} not found in the swarm of {engine.Name}" + (filters.IsEmpty ? "." : " among the nodes the filters select."), EngineResourceKind.Unknown, name);
                    output.WriteError(ErrorClassifier.Classify(missing, name, SwarmNodeTargets.Resource));
                }
            }
        }

        // As the manager resolves a node: its full id, else its host name (every node of that name), else an id prefix.
        private static IEnumerable<SwarmNode> Literal(List<SwarmNode> nodes, string name)
        {
            List<SwarmNode> byId = nodes.Where(node => node.ID == name).ToList();
            if (byId.Count > 0)
            {
                return byId;
            }

            List<SwarmNode> byHostName = nodes.Where(node => string.Equals(node.Description?.Hostname, name, StringComparison.OrdinalIgnoreCase)).ToList();
            return byHostName.Count > 0 ? byHostName : nodes.Where(node => node.ID.StartsWith(name, StringComparison.Ordinal));
        }

        private static IEnumerable<SwarmNode> Sort(IEnumerable<SwarmNode> nodes) =>
            nodes
                .OrderBy(node => node.ManagerStatus?.Leader == true ? 0 : node.ManagerStatus != null ? 1 : 2)
                .ThenBy(node => node.Description?.Hostname ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .ThenBy(node => node.ID, StringComparer.Ordinal);
    }
}
