using System.Collections;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Get-Container: running containers (all with -All), or the ones named. Naming containers searches stopped ones too,
    /// since asking for a container by name should find it whatever its state; a literal name that matches nothing is an
    /// ObjectNotFound error, a wildcard that matches nothing is not.
    /// </summary>
    public sealed class GetContainerCommand
    {
        public IReadOnlyList<string>? Name { get; set; }

        public IReadOnlyList<string>? Id { get; set; }

        public bool All { get; set; }

        /// <summary>The engine's filters (status, label, ancestor, network, ...): each value a string or a list of strings.</summary>
        public IDictionary? Filter { get; set; }

        /// <summary><c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            bool named = (Name?.Count ?? 0) > 0 || (Id?.Count ?? 0) > 0;
            var parameters = new ContainerListParameters { All = All || named };
            AddFilters(parameters.Filters);

            List<ContainerSummary> summaries = await engine.Client.Containers.ListAsync(parameters, cancellationToken);
            Container[] containers = summaries.Select(summary => Container.FromSummary(summary, engine)).ToArray();
            if (!named)
            {
                foreach (Container container in containers)
                {
                    output.WriteObject(container);
                }

                return;
            }

            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in Name ?? Array.Empty<string>())
            {
                WriteMatches(name, containers.Where(c => Matches(c, name)), engine, written, output);
            }

            foreach (string id in Id ?? Array.Empty<string>())
            {
                string wanted = id.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? id.Substring(7) : id;
                WriteMatches(id, containers.Where(c => c.Id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)), engine, written, output);
            }
        }

        private static bool Matches(Container container, string name)
        {
            if (Wildcard.ContainsWildcard(name))
            {
                return new Wildcard(name).IsMatch(container.Name);
            }

            string literal = name.TrimStart('/');
            return string.Equals(container.Name, literal, StringComparison.Ordinal)
                || (literal.Length >= 3 && container.Id.StartsWith(literal, StringComparison.OrdinalIgnoreCase));
        }

        private static void WriteMatches(string asked, IEnumerable<Container> matches, ContainerEngine engine, HashSet<string> written, ICommandOutput output)
        {
            bool any = false;
            foreach (Container container in matches)
            {
                any = true;
                if (written.Add(container.Id))
                {
                    output.WriteObject(container);
                }
            }

            if (!any && !Wildcard.ContainsWildcard(asked))
            {
                var missing = new EngineNotFoundException($"No container named or with the id '{asked}' exists on {engine.Name}.", EngineResourceKind.Container, asked);
                output.WriteError(ErrorClassifier.Classify(missing, asked));
            }
        }

        private void AddFilters(Filters filters)
        {
            FilterArguments.AddTable(filters, Filter);
            FilterArguments.AddLabels(filters, Label);
        }
    }
}
