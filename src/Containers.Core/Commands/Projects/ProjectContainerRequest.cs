using System.Collections;
using System.Globalization;
using Containers.Compose;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Parsing;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// One compose service as the engine's create request, through New-Container's own builder: the service's ports,
    /// volumes, environment, restart policy, limits and labels become New-Container's parameters
    /// (<see cref="ContainerOptions"/>), and what those do not cover (networks with aliases, capabilities, DNS, the
    /// compose labels) is set on the request the builder returns.
    /// </summary>
    public static class ProjectContainerRequest
    {
        /// <summary>
        /// The service keys a project on one engine applies, here, in the reader (env_file, extends, profiles) or in
        /// Start-ContainerProject (build, depends_on with its conditions and restart, pull_policy, scale); any other key
        /// the file sets is a warning.
        /// </summary>
        private static readonly HashSet<string> Applied = new HashSet<string>(StringComparer.Ordinal)
        {
            "build", "cap_add", "cap_drop", "command", "configs", "container_name", "depends_on", "deploy", "dns", "entrypoint",
            "env_file", "environment", "expose", "extends", "extra_hosts", "healthcheck", "hostname", "image", "init", "labels",
            "network_mode", "networks", "ports", "privileged", "profiles", "pull_policy", "read_only", "restart", "scale", "secrets",
            "stdin_open", "stop_grace_period", "stop_signal", "tty", "user", "volumes", "working_dir",
        };

        /// <summary>What of build: Invoke-ImageBuild's classic builder is given (see <see cref="ProjectBuild"/>).</summary>
        private static readonly HashSet<string> AppliedBuild = new HashSet<string>(StringComparer.Ordinal) { "args", "context", "dockerfile", "labels", "target" };

        /// <summary>What of a service's network entry the endpoint is given.</summary>
        private static readonly HashSet<string> AppliedNetwork = new HashSet<string>(StringComparer.Ordinal) { "aliases", "ipv4_address", "ipv6_address" };

        /// <summary>
        /// What the service sets that a project on one engine does not apply, each a key as the file writes it
        /// (deploy.placement, healthcheck.start_interval): a warning, not an error, as compose passes over swarm's keys.
        /// </summary>
        public static IEnumerable<string> Unapplied(ComposeProject project, ComposeService service)
        {
            foreach (string key in PassedOver(service.Keys, Applied))
            {
                yield return key;
            }

            foreach (string key in PassedOver(service.Build?.Keys ?? Array.Empty<string>(), AppliedBuild))
            {
                yield return "build." + key;
            }

            foreach (KeyValuePair<string, ComposeServiceNetwork> network in service.Networks)
            {
                foreach (string key in PassedOver(network.Value.Keys, AppliedNetwork))
                {
                    yield return $"networks.{network.Key}.{key}";
                }
            }

            if (service.Healthcheck?.StartInterval != null)
            {
                // API 1.44 (docker 25); the module speaks 1.41.
                yield return "healthcheck.start_interval";
            }

            foreach (string key in Unapplied(service.Deploy))
            {
                yield return "deploy." + key;
            }

            foreach (ComposeFileReference secret in service.Secrets)
            {
                if (!FromFile(project.Secrets, secret))
                {
                    yield return $"secrets: '{secret.Source}' (only secrets from a file: are mounted)";
                }
                else if (secret.Uid != null || secret.Gid != null || secret.Mode != null)
                {
                    yield return $"secrets: '{secret.Source}' uid, gid and mode (a file is mounted as it is)";
                }
            }

            foreach (ComposeFileReference config in service.Configs)
            {
                if (!FromFile(project.Configs, config))
                {
                    yield return $"configs: '{config.Source}' (only configs from a file: are mounted)";
                }
                else if (config.Uid != null || config.Gid != null || config.Mode != null)
                {
                    yield return $"configs: '{config.Source}' uid, gid and mode (a file is mounted as it is)";
                }
            }
        }

        // x- keys are extensions, for other tools to read: compose applies none of them either.
        private static IEnumerable<string> PassedOver(IEnumerable<string> keys, HashSet<string> applied) =>
            keys.Where(key => !applied.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal));

        // Of deploy, one engine takes the replica count and the CPU and memory limits; the rest is swarm's.
        private static IEnumerable<string> Unapplied(ComposeDeploy? deploy)
        {
            if (deploy == null)
            {
                yield break;
            }

            if (deploy.Mode != null)
            {
                yield return "mode";
            }

            if (deploy.Limits?.Pids != null)
            {
                yield return "resources.limits.pids";
            }

            if (deploy.Reservations != null)
            {
                yield return "resources.reservations";
            }

            if (deploy.RestartPolicy != null)
            {
                yield return "restart_policy";
            }

            if (deploy.PlacementConstraints.Count > 0 || deploy.PlacementPreferences.Count > 0 || deploy.MaxReplicasPerNode != null)
            {
                yield return "placement";
            }

            if (deploy.UpdateConfig != null)
            {
                yield return "update_config";
            }

            if (deploy.RollbackConfig != null)
            {
                yield return "rollback_config";
            }

            if (deploy.EndpointMode != null)
            {
                yield return "endpoint_mode";
            }

            if (deploy.Labels.Count > 0)
            {
                yield return "labels";
            }
        }

        public static ContainerCreateRequest Build(ComposeProject project, ComposeService service, int number, string configHash)
        {
            var options = new ContainerOptions
            {
                Image = ProjectBuild.ImageOf(project.Name, service),
                Command = service.Command?.ToList(),
                Entrypoint = service.Entrypoint?.ToList(),
                Environment = Environment(service),
                Port = service.Ports.Select(PortText).ToList(),
                Volume = service.Volumes.Where(CreatesHostPath).Select(BindText).Concat(FileBinds(project, service)).ToList(),
                Mount = service.Volumes.Where(mount => !CreatesHostPath(mount)).Select(mount => (object)MountTable(project, mount)).ToList(),
                RestartPolicy = service.Restart,
                Memory = service.Deploy?.Limits?.MemoryBytes,
                Cpu = service.Deploy?.Limits?.Cpus,
                User = service.User,
                WorkingDirectory = service.WorkingDir,
                HostName = service.Hostname,
                Tty = service.Tty ?? false,
                Privileged = service.Privileged ?? false,
                ReadOnly = service.ReadOnly ?? false,
            };
            ContainerCreateRequest request = ContainerRequestBuilder.Build(options);
            request.OpenStdin = service.StdinOpen ?? false;
            request.StopSignal = service.StopSignal;

            // The container keeps its grace period, so a plain stop (ours without -Timeout, docker stop, docker compose
            // stop) waits that long before killing it; whole seconds, as compose sets it.
            request.StopTimeout = service.StopGracePeriod == null ? null : (int)Math.Min(int.MaxValue, GoDuration.Nanoseconds(service.StopGracePeriod) / 1_000_000_000);
            request.Healthcheck = service.Healthcheck?.ToHealthConfig();
            request.ExposedPorts ??= new Dictionary<string, EmptyObject>(StringComparer.Ordinal);
            foreach (string exposed in service.Expose)
            {
                request.ExposedPorts[exposed.Contains('/') ? exposed : exposed + "/tcp"] = new EmptyObject();
            }

            HostConfig host = request.HostConfig!;
            host.CapAdd = List(service.CapAdd);
            host.CapDrop = List(service.CapDrop);
            host.Dns = List(service.Dns);
            host.ExtraHosts = List(service.ExtraHosts);
            host.Init = service.Init;
            request.Labels = Labels(project, service, number, configHash);
            SetNetworks(project, service, request);
            return request;
        }

        /// <summary>The networks after the first, which the engine takes only once the container exists (API 1.41 attaches one at create).</summary>
        public static IEnumerable<KeyValuePair<string, EndpointSettings>> LaterNetworks(ComposeProject project, ComposeService service) =>
            service.NetworkMode != null ? Enumerable.Empty<KeyValuePair<string, EndpointSettings>>() : service.Networks.Skip(1).Select(network => Endpoint(project, service, network));

        private static void SetNetworks(ComposeProject project, ComposeService service, ContainerCreateRequest request)
        {
            if (service.NetworkMode != null)
            {
                // service:NAME shares that service's first container's network stack.
                request.HostConfig!.NetworkMode = service.NetworkMode.StartsWith("service:", StringComparison.Ordinal)
                    ? "container:" + ProjectNaming.ContainerName(project.Name, service.NetworkMode.Substring("service:".Length), 1)
                    : service.NetworkMode;
                return;
            }

            if (service.Networks.Count == 0)
            {
                return;
            }

            KeyValuePair<string, EndpointSettings> first = Endpoint(project, service, service.Networks.First());
            request.HostConfig!.NetworkMode = first.Key;
            request.NetworkingConfig = new NetworkingConfig { EndpointsConfig = new Dictionary<string, EndpointSettings> { [first.Key] = first.Value } };
        }

        // The service's name is an alias on every network, as compose makes it, so services reach each other by it.
        private static KeyValuePair<string, EndpointSettings> Endpoint(ComposeProject project, ComposeService service, KeyValuePair<string, ComposeServiceNetwork> network)
        {
            var endpoint = new EndpointSettings { Aliases = new[] { service.Name }.Concat(network.Value.Aliases).Distinct(StringComparer.Ordinal).ToList() };
            if (network.Value.Ipv4Address != null || network.Value.Ipv6Address != null)
            {
                endpoint.IPAMConfig = new EndpointIpamConfig { IPv4Address = network.Value.Ipv4Address, IPv6Address = network.Value.Ipv6Address };
            }

            return new KeyValuePair<string, EndpointSettings>(project.Networks[network.Key].Name, endpoint);
        }

        private static Dictionary<string, string> Labels(ComposeProject project, ComposeService service, int number, string configHash)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> label in service.Labels)
            {
                labels[label.Key] = label.Value;
            }

            labels[ContainerProjectLabels.Project] = project.Name;
            labels[ContainerProjectLabels.Service] = service.Name;
            labels[ContainerProjectLabels.ContainerNumber] = number.ToString(CultureInfo.InvariantCulture);
            labels[ContainerProjectLabels.OneOff] = "False";
            labels[ContainerProjectLabels.ConfigHash] = configHash;
            labels[ContainerProjectLabels.WorkingDirectory] = project.WorkingDirectory;
            labels[ContainerProjectLabels.ConfigFiles] = string.Join(",", project.ConfigFiles);
            labels[ContainerProjectLabels.Version] = ContainerProjectLabels.VersionValue;
            return labels;
        }

        // A variable the file names without a value, and the reader's environment lacks, is left unset.
        private static Hashtable Environment(ComposeService service)
        {
            var table = new Hashtable();
            foreach (KeyValuePair<string, string?> variable in service.Environment.Where(variable => variable.Value != null))
            {
                table[variable.Key] = variable.Value;
            }

            return table;
        }

        // New-Container's -Port text: [IP:][PUBLISHED:]TARGET/PROTOCOL.
        private static string PortText(ComposePort port)
        {
            string host = port.HostIp == null ? string.Empty : (port.HostIp.Contains(':') ? "[" + port.HostIp + "]" : port.HostIp) + ":";
            string published = port.Published ?? string.Empty;
            string prefix = host.Length > 0 ? host + published + ":" : published.Length > 0 ? published + ":" : string.Empty;
            return prefix + port.Target.ToString(CultureInfo.InvariantCulture) + "/" + port.Protocol;
        }

        // A bind that may create its missing host path goes as -Volume text, whose binds the engine creates; one with
        // bind.create_host_path: false as a mount, which the engine refuses when the path is missing, as compose does.
        private static bool CreatesHostPath(ComposeMount mount) => mount.Type == "bind" && mount.BindCreateHostPath != false;

        // A bind mount as -Volume text, so the engine creates a missing host path, as compose does by default.
        private static string BindText(ComposeMount mount)
        {
            var options = new List<string>();
            if (mount.ReadOnly)
            {
                options.Add("ro");
            }

            options.AddRange(mount.Options);
            if (mount.BindPropagation != null && !options.Contains(mount.BindPropagation))
            {
                options.Add(mount.BindPropagation);
            }

            return mount.Source + ":" + mount.Target + (options.Count == 0 ? string.Empty : ":" + string.Join(",", options));
        }

        // Secrets and configs from files, bound read-only as compose does on one engine: a secret at /run/secrets/NAME,
        // a config at /NAME, unless the service gives a target.
        private static IEnumerable<string> FileBinds(ComposeProject project, ComposeService service) =>
            service.Secrets.Where(secret => FromFile(project.Secrets, secret))
                .Select(secret => project.Secrets[secret.Source].File + ":" + (secret.Target == null ? "/run/secrets/" + secret.Source : secret.Target.StartsWith("/", StringComparison.Ordinal) ? secret.Target : "/run/secrets/" + secret.Target) + ":ro")
                .Concat(service.Configs.Where(config => FromFile(project.Configs, config))
                    .Select(config => project.Configs[config.Source].File + ":" + (config.Target ?? "/" + config.Source) + ":ro"));

        private static bool FromFile(IReadOnlyDictionary<string, ComposeFileObject> declared, ComposeFileReference used) =>
            declared.TryGetValue(used.Source, out ComposeFileObject? file) && file.File != null;

        // A volume, a tmpfs or a bind that must exist as New-Container's -Mount table; a named volume is the project's engine name for it.
        private static Hashtable MountTable(ComposeProject project, ComposeMount mount)
        {
            var table = new Hashtable { ["type"] = mount.Type, ["target"] = mount.Target };
            if (mount.Source != null)
            {
                table["source"] = mount.Type == "volume" && project.Volumes.TryGetValue(mount.Source, out ComposeVolume? volume) ? volume.Name : mount.Source;
            }

            if (mount.ReadOnly)
            {
                table["readonly"] = "true";
            }

            if (mount.BindPropagation != null)
            {
                table["bind-propagation"] = mount.BindPropagation;
            }

            if (mount.VolumeNoCopy == true)
            {
                table["volume-nocopy"] = "true";
            }

            if (mount.TmpfsSize != null)
            {
                table["tmpfs-size"] = mount.TmpfsSize.Value.ToString(CultureInfo.InvariantCulture);
            }

            return table;
        }

        private static List<string>? List(IReadOnlyList<string> values) => values.Count == 0 ? null : values.ToList();
    }
}
