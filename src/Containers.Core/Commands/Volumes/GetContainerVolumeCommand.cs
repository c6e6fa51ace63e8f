using System.Collections;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Volumes
{
    /// <summary>
    /// Get-ContainerVolume: docker volume ls, as objects. Named volumes first, by name; the ones the engine named (64 hex
    /// digits) after them, newest first. A literal -Name that matches nothing is an ObjectNotFound error, a wildcard that
    /// matches nothing is not. A volume asked for by its literal name is inspected, which adds what its driver reports
    /// (Status).
    /// </summary>
    public sealed class GetContainerVolumeCommand
    {
        /// <summary>Exact names or wildcards.</summary>
        public IReadOnlyList<string>? Name { get; set; }

        /// <summary>Only volumes of this driver (local, or a plugin's name).</summary>
        public string? Driver { get; set; }

        /// <summary><c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>Only volumes no container uses (docker volume ls -f dangling=true).</summary>
        public bool Dangling { get; set; }

        /// <summary>The engine's filters (name, driver, label, dangling): each value a string or a list of strings.</summary>
        public IDictionary? Filter { get; set; }

        /// <summary>Add each volume's size and the number of containers using it (the engine walks every volume's files).</summary>
        public bool IncludeUsage { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            var filters = new Filters();
            FilterArguments.AddTable(filters, Filter);
            FilterArguments.AddLabels(filters, Label);
            if (!string.IsNullOrEmpty(Driver))
            {
                filters.Add("driver", Driver!);
            }

            if (Dangling)
            {
                filters.Add("dangling", "true");
            }

            VolumeListResponse listing = await engine.Client.Volumes.ListAsync(filters, cancellationToken);
            foreach (string warning in listing.Warnings ?? new List<string>())
            {
                // A plugin that did not answer: its volumes are missing from the list, which the user should know.
                output.WriteWarning(warning);
            }

            Volume[] volumes = Sort(listing.Volumes ?? new List<Volume>()).ToArray();
            Dictionary<string, VolumeUsageData?>? usage = IncludeUsage ? await UsageAsync(engine, cancellationToken) : null;
            if (Name == null || Name.Count == 0)
            {
                foreach (Volume volume in volumes)
                {
                    output.WriteObject(Convert(volume, usage, engine));
                }

                return;
            }

            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in Name)
            {
                if (Wildcard.ContainsWildcard(name))
                {
                    var pattern = new Wildcard(name);
                    foreach (Volume volume in volumes.Where(v => pattern.IsMatch(v.Name) && written.Add(v.Name)))
                    {
                        output.WriteObject(Convert(volume, usage, engine));
                    }

                    continue;
                }

                Volume? listed = volumes.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal));
                if (listed == null)
                {
                    var missing = new EngineNotFoundException(
                        $"No volume named '{name}' exists on {engine.Name}" + (filters.IsEmpty ? "." : " that the filters select."), EngineResourceKind.Volume, name);
                    output.WriteError(ErrorClassifier.Classify(missing, name, VolumeTargets.Resource));
                    continue;
                }

                if (written.Add(listed.Name))
                {
                    output.WriteObject(Convert(await InspectOrListedAsync(engine, listed, cancellationToken), usage, engine));
                }
            }
        }

        // Inspect adds the driver's Status; a volume removed since the list was read is shown as listed.
        private static async Task<Volume> InspectOrListedAsync(ContainerEngine engine, Volume listed, CancellationToken cancellationToken)
        {
            try
            {
                return await engine.Client.Volumes.InspectAsync(listed.Name, cancellationToken);
            }
            catch (EngineNotFoundException)
            {
                return listed;
            }
        }

        private static async Task<Dictionary<string, VolumeUsageData?>> UsageAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            VolumeUsageResponse usage = await engine.Client.Volumes.UsageAsync(cancellationToken);
            var byName = new Dictionary<string, VolumeUsageData?>(StringComparer.Ordinal);
            foreach (Volume volume in usage.Volumes ?? new List<Volume>())
            {
                byName[volume.Name] = volume.UsageData;
            }

            return byName;
        }

        private static ContainerVolume Convert(Volume volume, Dictionary<string, VolumeUsageData?>? usage, ContainerEngine engine)
        {
            if (usage != null)
            {
                // A volume made between the two calls has no usage yet: unknown, not zero.
                volume.UsageData = usage.TryGetValue(volume.Name, out VolumeUsageData? data) && data != null ? data : new VolumeUsageData { Size = -1, RefCount = -1 };
            }

            return ContainerVolume.FromVolume(volume, engine);
        }

        private static IEnumerable<Volume> Sort(IEnumerable<Volume> volumes) =>
            volumes
                .Select(volume => (Volume: volume, Converted: Created(volume)))
                .OrderBy(v => ContainerVolume.IsEngineGeneratedName(v.Volume.Name) ? 1 : 0)
                .ThenBy(v => ContainerVolume.IsEngineGeneratedName(v.Volume.Name) ? string.Empty : v.Volume.Name, StringComparer.OrdinalIgnoreCase)
                .ThenByDescending(v => v.Converted)
                .ThenBy(v => v.Volume.Name, StringComparer.Ordinal)
                .Select(v => v.Volume);

        private static DateTime Created(Volume volume) => EngineTime.Parse(volume.CreatedAt) ?? DateTime.MinValue;
    }
}
