using Containers.Compose;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// A project's networks and volumes: made when missing, with the labels compose gives them (so docker compose and
    /// docker-compose take them for their own), and found again by those labels to remove them.
    /// </summary>
    public static class ProjectResources
    {
        /// <summary>The networks and volumes the services use, each made unless it exists; an external one must exist.</summary>
        public static async Task EnsureAsync(ContainerEngine engine, ComposeProject project, IReadOnlyList<ComposeService> services, ICommandOutput output, CancellationToken cancellationToken)
        {
            HashSet<string> networks = new HashSet<string>(services.SelectMany(service => service.Networks.Keys), StringComparer.Ordinal);
            foreach (KeyValuePair<string, ComposeNetwork> network in project.Networks.Where(network => networks.Contains(network.Key)))
            {
                await EnsureNetworkAsync(engine, project.Name, network.Key, network.Value, output, cancellationToken);
            }

            HashSet<string> volumes = new HashSet<string>(services.SelectMany(service => service.Volumes).Where(mount => mount.Type == "volume" && mount.Source != null).Select(mount => mount.Source!), StringComparer.Ordinal);
            foreach (KeyValuePair<string, ComposeVolume> volume in project.Volumes.Where(volume => volumes.Contains(volume.Key)))
            {
                await EnsureVolumeAsync(engine, project.Name, volume.Key, volume.Value, output, cancellationToken);
            }
        }

        /// <summary>The project's networks, by their project label (docker-compose's too).</summary>
        public static async Task<List<string>> NetworksAsync(ContainerEngine engine, string project, CancellationToken cancellationToken)
        {
            List<NetworkResource> found = await engine.Client.Networks.ListAsync(new Filters().Add("label", ContainerProjectLabels.Project + "=" + project), cancellationToken);
            return found.Select(network => network.Name).OrderBy(name => name, StringComparer.Ordinal).ToList();
        }

        /// <summary>The project's volumes, by their project label.</summary>
        public static async Task<List<string>> VolumesAsync(ContainerEngine engine, string project, CancellationToken cancellationToken)
        {
            VolumeListResponse found = await engine.Client.Volumes.ListAsync(new Filters().Add("label", ContainerProjectLabels.Project + "=" + project), cancellationToken);
            return (found.Volumes ?? new List<Volume>()).Select(volume => volume.Name).OrderBy(name => name, StringComparer.Ordinal).ToList();
        }

        private static Task EnsureNetworkAsync(ContainerEngine engine, string project, string key, ComposeNetwork network, ICommandOutput output, CancellationToken cancellationToken) =>
            EnsureAsync("network", network.Name, network.External, EngineResourceKind.Network, output,
                () => engine.Client.Networks.InspectAsync(network.Name, cancellationToken),
                () => engine.Client.Networks.CreateAsync(
                    new NetworkCreateRequest
                    {
                        Name = network.Name,
                        Driver = network.Driver,
                        Internal = network.Internal,
                        Attachable = network.Attachable,
                        Options = Copy(network.DriverOptions),
                        IPAM = network.Subnets.Count == 0 ? null : new NetworkIpam { Config = network.Subnets.Select(subnet => new NetworkIpamConfig { Subnet = subnet }).ToList() },
                        Labels = Labels(network.Labels, project, ContainerProjectLabels.Network, key),
                    },
                    cancellationToken));

        private static Task EnsureVolumeAsync(ContainerEngine engine, string project, string key, ComposeVolume volume, ICommandOutput output, CancellationToken cancellationToken) =>
            EnsureAsync("volume", volume.Name, volume.External, EngineResourceKind.Volume, output,
                () => engine.Client.Volumes.InspectAsync(volume.Name, cancellationToken),
                () => engine.Client.Volumes.CreateAsync(
                    new VolumeCreateRequest
                    {
                        Name = volume.Name,
                        Driver = volume.Driver,
                        DriverOpts = Copy(volume.DriverOptions),
                        Labels = Labels(volume.Labels, project, ContainerProjectLabels.Volume, key),
                    },
                    cancellationToken));

        // Made when the engine has none of that name; an external one must exist already.
        private static async Task EnsureAsync(string noun, string name, bool external, EngineResourceKind kind, ICommandOutput output, Func<Task> inspect, Func<Task> create)
        {
            try
            {
                await inspect();
                return;
            }
            catch (EngineNotFoundException) when (!external)
            {
                // Made below.
            }
            catch (EngineNotFoundException missing)
            {
                throw new EngineNotFoundException($"the {noun} '{name}' is declared external, and the engine has none of that name: create it first ({missing.Message})", kind, name);
            }

            output.WriteVerbose($"Creating the {noun} '{name}'.");
            await create();
        }

        // The file's labels, with compose's: the project, and the object's key in the file.
        private static Dictionary<string, string> Labels(IReadOnlyDictionary<string, string> own, string project, string keyLabel, string key)
        {
            var labels = own.ToDictionary(label => label.Key, label => label.Value, StringComparer.Ordinal);
            labels[ContainerProjectLabels.Project] = project;
            labels[keyLabel] = key;
            labels[ContainerProjectLabels.Version] = ContainerProjectLabels.VersionValue;
            return labels;
        }

        private static Dictionary<string, string>? Copy(IReadOnlyDictionary<string, string> options) =>
            options.Count == 0 ? null : options.ToDictionary(option => option.Key, option => option.Value, StringComparer.Ordinal);
    }
}
