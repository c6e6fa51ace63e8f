using System.Collections;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Secrets
{
    /// <summary>
    /// Get-ContainerSecret and Get-ContainerConfig: docker secret ls / config ls, as objects sorted by name (with -Name,
    /// in the order the names were given, each one's matches by name). -Name takes
    /// names, wildcards on names, ids and id prefixes; a literal that matches nothing is a NotFound error of the kind, a
    /// wildcard that matches nothing is not. Off a swarm manager the engine refuses (NotSwarmManager).
    /// </summary>
    public abstract class GetSwarmDataCommand<T>
        where T : SwarmData
    {
        private readonly SwarmDataKind<T> _kind;

        private protected GetSwarmDataCommand(SwarmDataKind<T> kind)
        {
            _kind = kind;
        }

        /// <summary>Names, wildcards on names, ids or id prefixes.</summary>
        public IReadOnlyList<string>? Name { get; set; }

        /// <summary><c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>The engine's filters (id, name, label): each value a string or a list of strings.</summary>
        public IDictionary? Filter { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            var filters = new Filters();
            FilterArguments.AddTable(filters, Filter);
            FilterArguments.AddLabels(filters, Label);
            T[] all = (await _kind.Endpoint(engine).ListAsync(filters, cancellationToken))
                .OrderBy(data => data.Spec.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(data => data.Spec.Name, StringComparer.Ordinal)
                .ToArray();
            if (Name == null || Name.Count == 0)
            {
                Write(all, engine, output);
                return;
            }

            var selected = new List<T>();
            foreach (string name in Name)
            {
                T[] matched = Match(all, name).ToArray();
                if (matched.Length == 0 && !Wildcard.ContainsWildcard(name))
                {
                    var missing = new EngineNotFoundException(
                        $"No {_kind.Noun} named or with the id '{name}' exists on {engine.Name}" + (filters.IsEmpty ? "." : " that the filters select."),
                        EngineResourceKind.Unknown,
                        name);
                    output.WriteError(ErrorClassifier.Classify(missing, name, _kind.Resource));
                }

                selected.AddRange(matched.Where(data => !selected.Contains(data)));
            }

            Write(selected, engine, output);
        }

        // A wildcard matches names; a literal is a name, else an id or the start of ids (as the manager resolves them).
        private static IEnumerable<T> Match(IEnumerable<T> all, string name)
        {
            if (Wildcard.ContainsWildcard(name))
            {
                var pattern = new Wildcard(name);
                return all.Where(data => pattern.IsMatch(data.Spec.Name));
            }

            T? named = all.FirstOrDefault(data => string.Equals(data.Spec.Name, name, StringComparison.Ordinal));
            return named != null ? new[] { named } : all.Where(data => data.ID.StartsWith(name, StringComparison.OrdinalIgnoreCase));
        }

        private void Write(IEnumerable<T> data, ContainerEngine engine, ICommandOutput output)
        {
            foreach (T one in data)
            {
                output.WriteObject(_kind.Convert(one, engine));
            }
        }
    }
}
