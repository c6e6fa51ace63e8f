using System.Collections;
using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Swarm
{
    /// <summary>
    /// Set-ContainerSwarmNode: docker node update (availability, role, labels). Each node is read, changed and written
    /// back whole with the version it was read at, or, for a node object given, the version that object was read at: when
    /// someone else changed the node in between, the manager refuses and the node is left as it is (SwarmUpdateConflict).
    /// Nothing is retried: the user decides on what the node is now.
    /// </summary>
    public sealed class SetContainerSwarmNodeCommand : TargetCommand
    {
        public SetContainerSwarmNodeCommand()
            : base(SwarmNodeTargets.Kind)
        {
        }

        /// <summary>Active, Pause or Drain.</summary>
        public string? Availability { get; set; }

        /// <summary>Worker or Manager.</summary>
        public string? Role { get; set; }

        /// <summary>Labels to add, or to replace the value of.</summary>
        public IDictionary? Label { get; set; }

        /// <summary>Label keys to remove; a key the node does not have is no error.</summary>
        public IReadOnlyList<string>? RemoveLabel { get; set; }

        /// <summary>The versions node objects were read at, by id: their update is refused if the node changed since.</summary>
        public IReadOnlyDictionary<string, ulong>? ReadVersions { get; set; }

        /// <summary>Write each node as it is after the update.</summary>
        public bool PassThru { get; set; }

        private Dictionary<string, string>? _labels;

        private Dictionary<string, string>? Labels => _labels ??= LabelConverter.ToLabels(Label);

        protected override string Action => string.Join(", ", Changes());

        /// <summary>Checks the values before any node is asked about, so a bad one changes nothing.</summary>
        public void Validate()
        {
            if (Availability == null && Role == null && (Labels == null || Labels.Count == 0) && (RemoveLabel == null || RemoveLabel.Count == 0))
            {
                throw new InvalidParameterException("Change", null, "Nothing to change: give -Availability, -Role, -Label or -RemoveLabel.");
            }

            string? both = Labels?.Keys.FirstOrDefault(key => RemoveLabel?.Contains(key, StringComparer.Ordinal) == true);
            if (both != null)
            {
                throw new InvalidParameterException("RemoveLabel", both, $"The label '{both}' is both in -Label and in -RemoveLabel; give it in one of them.");
            }
        }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            SwarmNode node = await engine.Client.Nodes.InspectAsync(target, cancellationToken);
            ulong version = ReadVersions != null && ReadVersions.TryGetValue(node.ID, out ulong read) ? read : node.Version?.Index ?? 0;
            SwarmNodeSpec spec = node.Spec ?? new SwarmNodeSpec();
            if (Availability != null)
            {
                spec.Availability = Availability.ToLowerInvariant();
            }

            if (Role != null)
            {
                spec.Role = Role.ToLowerInvariant();
            }

            var labels = new Dictionary<string, string>(spec.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> label in Labels ?? new Dictionary<string, string>())
            {
                labels[label.Key] = label.Value;
            }

            foreach (string key in RemoveLabel ?? Array.Empty<string>())
            {
                labels.Remove(key);
            }

            spec.Labels = labels;
            await engine.Client.Nodes.UpdateAsync(node.ID, version, spec, cancellationToken);
            output.WriteVerbose($"Updated swarm node {target} ({node.ID}) from version {version}: {Action}.");
            if (PassThru)
            {
                output.WriteObject(ContainerSwarmNode.From(await engine.Client.Nodes.InspectAsync(node.ID, cancellationToken), await SwarmNodeTargets.SelfIdAsync(engine, cancellationToken), engine));
            }
        }

        private IEnumerable<string> Changes()
        {
            if (Availability != null)
            {
                yield return "Set availability " + Availability;
            }

            if (Role != null)
            {
                yield return "Set role " + Role;
            }

            if (Labels != null && Labels.Count > 0)
            {
                yield return "Set labels " + string.Join(", ", Labels.Select(pair => pair.Key + "=" + pair.Value));
            }

            if (RemoveLabel != null && RemoveLabel.Count > 0)
            {
                yield return "Remove labels " + string.Join(", ", RemoveLabel);
            }
        }
    }
}
