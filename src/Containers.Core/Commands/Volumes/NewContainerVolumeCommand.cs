using System.Collections;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Volumes
{
    /// <summary>
    /// New-ContainerVolume: docker volume create. The engine names the volume when no name is given. Creating a name that
    /// already exists is not an error in the engine: it returns the existing volume as it is, ignoring the labels and
    /// options sent; that is written as a warning when they differ, since the user asked for something else.
    /// </summary>
    public sealed class NewContainerVolumeCommand
    {
        /// <summary>The longest file name Linux (and the local driver's folder per volume) allows.</summary>
        private const int MaxLocalNameLength = 255;

        public string? Name { get; set; }

        /// <summary>local when absent, or a volume plugin's name.</summary>
        public string? Driver { get; set; }

        /// <summary>The driver's options, passed as they are (docker volume create -o).</summary>
        public IDictionary? Option { get; set; }

        public IDictionary? Label { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            // Everything is checked before anything is sent, so a bad value leaves nothing made.
            var request = new VolumeCreateRequest
            {
                Name = string.IsNullOrEmpty(Name) ? null : Name,
                Driver = string.IsNullOrEmpty(Driver) ? null : Driver,
                DriverOpts = ToMap(Option, "Option", "driver option"),
                Labels = LabelConverter.ToLabels(Label),
            };

            if (request.Name != null && request.Name.Length > MaxLocalNameLength && (request.Driver == null || request.Driver == "local"))
            {
                // The local driver keeps a volume in a folder of its name: the engine would try, and answer "file name too
                // long" as its own failure (a 500).
                throw new InvalidParameterException("Name", Name,
                    $"The volume name '{Name}' is {Name!.Length} characters long; the local driver keeps a volume in a folder of that name, and a folder name is at most {MaxLocalNameLength} characters.");
            }

            string described = request.Name == null ? $"a volume named by the engine on {engine.Name}" : VolumeTargets.Kind.Describe(request.Name, engine);
            if (!output.ShouldProcess(described, request.Driver == null ? "Create" : $"Create (driver {request.Driver})"))
            {
                return;
            }

            Volume made = await engine.Client.Volumes.CreateAsync(request, cancellationToken);
            string? ignored = Ignored(request, made);
            if (ignored != null)
            {
                output.WriteWarning($"The volume '{made.Name}' already existed, so the engine kept it as it was and ignored the {ignored} given. Remove it first (Remove-ContainerVolume) to create it anew.");
            }

            output.WriteObject(ContainerVolume.FromVolume(made, engine));
        }

        private static Dictionary<string, string>? ToMap(IDictionary? table, string parameterName, string what) =>
            table == null ? null : KeyValueTable.Read(table, parameterName, what).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

        // Only a create that found the volume already there answers with settings other than those sent.
        private static string? Ignored(VolumeCreateRequest request, Volume made)
        {
            var differences = new List<string>();
            if (request.Driver != null && !string.Equals(request.Driver, made.Driver, StringComparison.Ordinal))
            {
                differences.Add("driver");
            }

            if (request.DriverOpts != null && !Same(request.DriverOpts, made.Options))
            {
                differences.Add("options");
            }

            if (request.Labels != null && !Same(request.Labels, made.Labels))
            {
                differences.Add("labels");
            }

            return differences.Count == 0 ? null : string.Join(" and ", differences);
        }

        private static bool Same(Dictionary<string, string> asked, Dictionary<string, string>? have) =>
            asked.Count == (have?.Count ?? 0) && asked.All(pair => have!.TryGetValue(pair.Key, out string? value) && value == pair.Value);
    }
}
