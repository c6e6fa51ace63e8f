using System.Collections;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Services
{
    /// <summary>
    /// Get-ContainerService: docker service ls, as objects, by name. A literal -Name is a name, an id or an id prefix,
    /// and matching nothing is a ServiceNotFound error; a wildcard that matches nothing is not an error.
    /// </summary>
    public sealed class GetContainerServiceCommand
    {
        /// <summary>Names, ids, id prefixes or wildcards on names.</summary>
        public IReadOnlyList<string>? Name { get; set; }

        /// <summary><c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>Only services of this mode.</summary>
        public ContainerServiceMode? Mode { get; set; }

        /// <summary>The engine's filters (id, name, label, mode): each value a string or a list of strings.</summary>
        public IDictionary? Filter { get; set; }

        /// <summary>
        /// Only the services of this stack (docker stack services): those with its namespace label. A stack with no
        /// services is StackNotFound.
        /// </summary>
        public string? Stack { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            var filters = new Filters();
            FilterArguments.AddTable(filters, Filter);
            FilterArguments.AddLabels(filters, Label);
            if (Mode != null)
            {
                filters.Add("mode", Mode == ContainerServiceMode.Global ? "global" : "replicated");
            }

            if (Stack != null)
            {
                filters.Add("label", ContainerStackLabels.Namespace + "=" + Stack);
            }

            List<Service> services = (await engine.Client.Services.ListAsync(filters, cancellationToken))
                .OrderBy(service => service.Spec.Name, StringComparer.OrdinalIgnoreCase).ToList();
            if (Name == null || Name.Count == 0)
            {
                if (services.Count == 0 && Stack != null && Label == null && Mode == null && Filter == null)
                {
                    // Nothing in the stack, as docker stack services says; with more filters, an empty answer is theirs.
                    output.WriteError(StackErrors.Classify(StackErrors.NotFound(Stack, engine), Stack));
                }

                foreach (Service service in services)
                {
                    output.WriteObject(ContainerService.FromService(service, engine));
                }

                return;
            }

            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in Name)
            {
                Wildcard? pattern = Wildcard.ContainsWildcard(name) ? new Wildcard(name) : null;
                IEnumerable<Service> matched = pattern != null
                    ? services.Where(service => pattern.IsMatch(service.Spec.Name ?? string.Empty))
                    : Literal(services, name);
                bool any = false;
                foreach (Service service in matched)
                {
                    any = true;
                    if (written.Add(service.ID))
                    {
                        output.WriteObject(ContainerService.FromService(service, engine));
                    }
                }

                if (!any && pattern == null)
                {
                    var missing = new EngineNotFoundException(
                        $"No service named '{name}' exists on {engine.Name}" + (filters.IsEmpty ? "." : " that the filters select."), EngineResourceKind.Service, name);
                    output.WriteError(ErrorClassifier.Classify(missing, name, ServiceTargets.Resource));
                }
            }
        }

        // As the engine resolves a service: its exact name or id first, else a unique id prefix.
        private static IEnumerable<Service> Literal(List<Service> services, string name)
        {
            Service? exact = services.FirstOrDefault(s => s.Spec.Name == name || s.ID == name);
            if (exact != null)
            {
                return new[] { exact };
            }

            List<Service> prefixed = services.Where(s => s.ID.StartsWith(name, StringComparison.Ordinal)).ToList();
            return prefixed.Count == 1 ? prefixed : Array.Empty<Service>();
        }
    }
}
