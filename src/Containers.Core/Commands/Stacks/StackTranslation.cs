using System.Collections;
using System.Globalization;
using System.Text;
using Containers.Compose;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// A compose project as the swarm objects docker stack deploy makes of it: services STACK_service (image, command,
    /// environment, ports, mounts, networks with the service's name as an alias, labels, deploy: settings, healthcheck...),
    /// the networks the services use (STACK_default and STACK_name, overlay unless the file says otherwise), the secrets
    /// and configs STACK_name read from their files; each labelled with the stack's namespace, the services also with the
    /// image as written. Each service's spec comes from New-ContainerService's builder (<see cref="ServiceSpecBuilder"/>),
    /// and what that builder has no parameter for is set on the spec after it. A key the swarm cannot take is a warning
    /// naming it and the service, as docker stack's "Ignoring unsupported options"; a value that cannot be translated is a
    /// <see cref="ComposeFileException"/> naming the key, thrown before anything is made.
    /// </summary>
    public static class StackTranslation
    {
        /// <param name="variables">Where a secret's <c>environment:</c> is looked up.</param>
        public static StackPlan Translate(string stack, ComposeProject project, IReadOnlyDictionary<string, string>? variables = null)
        {
            string file = project.ConfigFiles.Count > 0 ? project.ConfigFiles[0] : project.WorkingDirectory;
            var warnings = new List<string>();
            var networkNames = project.Networks.ToDictionary(entry => entry.Key, entry => Scoped(stack, project, entry.Key, entry.Value.Name, entry.Value.External), StringComparer.Ordinal);
            var secretNames = project.Secrets.ToDictionary(entry => entry.Key, entry => Scoped(stack, project, entry.Key, entry.Value.Name, entry.Value.External), StringComparer.Ordinal);
            var configNames = project.Configs.ToDictionary(entry => entry.Key, entry => Scoped(stack, project, entry.Key, entry.Value.Name, entry.Value.External), StringComparer.Ordinal);
            var volumeNames = project.Volumes.ToDictionary(entry => entry.Key, entry => Scoped(stack, project, entry.Key, entry.Value.Name, entry.Value.External), StringComparer.Ordinal);
            var names = new StackNames(networkNames, secretNames, configNames, volumeNames);

            var services = new List<StackServicePlan>();
            foreach (ComposeService service in project.Services.Values)
            {
                services.Add(Service(stack, project, service, file, names, warnings));
            }

            var used = new HashSet<string>(project.Services.Values.SelectMany(service => service.Networks.Keys), StringComparer.Ordinal);
            return new StackPlan
            {
                Name = stack,
                Networks = project.Networks.Where(entry => used.Contains(entry.Key))
                    .Select(entry => new StackObject<NetworkCreateRequest>(entry.Key, networkNames[entry.Key], entry.Value.External ? null : Network(stack, networkNames[entry.Key], entry.Value)))
                    .ToList(),
                Secrets = project.Secrets.Select(entry => new StackObject<SwarmDataSpec>(entry.Key, secretNames[entry.Key],
                    entry.Value.External ? null : Data(stack, secretNames[entry.Key], entry.Key, "secrets", entry.Value, file, variables))).ToList(),
                Configs = project.Configs.Select(entry => new StackObject<SwarmDataSpec>(entry.Key, configNames[entry.Key],
                    entry.Value.External ? null : Data(stack, configNames[entry.Key], entry.Key, "configs", entry.Value, file, variables))).ToList(),
                Services = services,
                Warnings = warnings,
            };
        }

        // The reader names an object PROJECT_KEY unless the file gives name:; the project name is normalised to lower
        // case, the stack's is not, so a default name is made again from the stack's name as docker does.
        private static string Scoped(string stack, ComposeProject project, string key, string name, bool external) =>
            !external && name == project.Name + "_" + key ? ContainerStackLabels.ObjectName(stack, key) : name;

        private static StackServicePlan Service(
            string stack,
            ComposeProject project,
            ComposeService service,
            string file,
            StackNames names,
            List<string> warnings)
        {
            string key = "services." + service.Name;
            if (string.IsNullOrEmpty(service.Image))
            {
                throw new ComposeFileException(
                    $"the service '{service.Name}' has no image: a stack does not build (build: is for compose projects); build and push the image, then name it in image:",
                    file, 0, 0, key);
            }

            foreach (string unsupported in Unsupported(service))
            {
                warnings.Add($"Ignoring unsupported options in the service '{service.Name}': {unsupported}");
            }

            ComposeDeploy deploy = service.Deploy ?? new ComposeDeploy();
            ServiceSpec spec;
            try
            {
                spec = ServiceSpecBuilder.Build(new ServiceOptions
                {
                    Image = service.Image!,
                    Name = ContainerStackLabels.ObjectName(stack, service.Name),
                    Command = service.Command?.ToList(),
                    Entrypoint = service.Entrypoint?.ToList(),
                    Environment = Environment(service),
                    Port = service.Ports.Select(PortText).ToList(),
                    Mount = service.Volumes.Select(mount => (object)MountTable(project, names.Volumes, mount)).ToList(),
                    Secret = service.Secrets.Select(reference => FileText(names.Secrets[reference.Source], reference)).ToList(),
                    Config = service.Configs.Select(reference => FileText(names.Configs[reference.Source], reference)).ToList(),
                    Label = Table(deploy.Labels),
                    User = service.User,
                    WorkingDirectory = service.WorkingDir,
                    Tty = service.Tty ?? false,
                    Mode = Mode(deploy.Mode, file, key),
                    Replicas = Mode(deploy.Mode, file, key) == ContainerServiceMode.Global ? null : (ulong?)Math.Max(0, deploy.Replicas ?? 1),
                    Constraint = deploy.PlacementConstraints.ToList(),
                    Limit = Resources(deploy.Limits),
                    Reserve = Resources(deploy.Reservations),
                    RestartCondition = RestartCondition(deploy.RestartPolicy, service.Restart),
                    RestartMaxAttempts = RestartAttempts(deploy.RestartPolicy, service.Restart),
                });
            }
            catch (InvalidParameterException invalid)
            {
                throw new ComposeFileException($"the service '{service.Name}': {invalid.Reason}", file, 0, 0, key);
            }

            var labels = new Dictionary<string, string>(spec.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                [ContainerStackLabels.Namespace] = stack,
                [ContainerStackLabels.Image] = service.Image!,
            };
            spec.Labels = labels;

            ContainerSpec container = spec.TaskTemplate.ContainerSpec;

            // The builder reads the environment from a hashtable, whose order changes from one process to the next:
            // sorted, the spec is the same on every deploy and an unchanged service is left alone.
            container.Env = container.Env?.OrderBy(entry => entry, StringComparer.Ordinal).ToList();

            // docker stack deploy sorts the ports by published port.
            if (spec.EndpointSpec?.Ports != null)
            {
                spec.EndpointSpec.Ports = spec.EndpointSpec.Ports.OrderBy(port => port.PublishedPort ?? 0).ToList();
            }

            container.Labels = new Dictionary<string, string>(service.Labels.ToDictionary(pair => pair.Key, pair => pair.Value), StringComparer.Ordinal) { [ContainerStackLabels.Namespace] = stack };
            container.Hostname = string.IsNullOrEmpty(service.Hostname) ? null : service.Hostname;
            container.Healthcheck = service.Healthcheck?.ToHealthConfig();
            container.StopGracePeriod = service.StopGracePeriod == null ? null : Duration(service.StopGracePeriod, file, key + ".stop_grace_period");
            container.StopSignal = string.IsNullOrEmpty(service.StopSignal) ? null : service.StopSignal;
            // A config without target: keeps the key as its target, as docker stack deploy sends it (the engine puts it
            // at /KEY); the builder, like docker service create, writes /KEY.
            for (int index = 0; index < service.Configs.Count; index++)
            {
                container.Configs![index].File!.Name = service.Configs[index].Target ?? service.Configs[index].Source;
            }

            // The builder returns the mounts in the order given.
            for (int index = 0; index < service.Volumes.Count; index++)
            {
                VolumeLabels(stack, project, service.Volumes[index], container.Mounts![index]);
            }

            if (deploy.RestartPolicy != null && spec.TaskTemplate.RestartPolicy != null)
            {
                spec.TaskTemplate.RestartPolicy.Delay = deploy.RestartPolicy.Delay == null ? null : Duration(deploy.RestartPolicy.Delay, file, key + ".deploy.restart_policy.delay");
                spec.TaskTemplate.RestartPolicy.Window = deploy.RestartPolicy.Window == null ? null : Duration(deploy.RestartPolicy.Window, file, key + ".deploy.restart_policy.window");
            }

            spec.TaskTemplate.Networks = service.Networks
                .Select(network => new NetworkAttachmentConfig
                {
                    Target = names.Networks[network.Key],
                    Aliases = network.Value.Aliases.Concat(new[] { service.Name }).Distinct(StringComparer.Ordinal).ToList(),
                })
                .OrderBy(network => network.Target, StringComparer.Ordinal)
                .ToList();
            spec.UpdateConfig = UpdateConfig(deploy.UpdateConfig, file, key + ".deploy.update_config");
            spec.RollbackConfig = UpdateConfig(deploy.RollbackConfig, file, key + ".deploy.rollback_config");
            if (deploy.EndpointMode != null)
            {
                spec.EndpointSpec ??= new EndpointSpec();
                spec.EndpointSpec.Mode = deploy.EndpointMode.ToLowerInvariant();
            }

            if (spec.EndpointSpec?.Ports?.Count == 0 && spec.EndpointSpec.Mode == null)
            {
                spec.EndpointSpec = null;
            }

            return new StackServicePlan(service.Name, spec, service.Image!);
        }

        /// <summary>The service keys this translation applies (env_file, profiles and extends were applied by the reader).</summary>
        private static readonly HashSet<string> Translated = new HashSet<string>(StringComparer.Ordinal)
        {
            "image", "command", "entrypoint", "environment", "env_file", "ports", "volumes", "networks", "labels", "deploy", "restart",
            "user", "working_dir", "hostname", "secrets", "configs", "profiles", "extends", "healthcheck", "tty", "stop_grace_period",
            "stop_signal",
        };

        // What a swarm service cannot take, or this translation does not yet: each named, never dropped without a word.
        // Every key of the service outside those applied, then the parts of applied keys that are not.
        private static IEnumerable<string> Unsupported(ComposeService service)
        {
            foreach (string key in service.Keys.Where(key => !Translated.Contains(key)))
            {
                yield return key;
            }

            var flags = new (string Key, bool Set)[]
            {
                ("deploy.placement.preferences", service.Deploy?.PlacementPreferences.Count > 0),
                ("deploy.placement.max_replicas_per_node", service.Deploy?.MaxReplicasPerNode != null),
                ("deploy.resources.limits.pids", service.Deploy?.Limits?.Pids != null),
                ("deploy.resources.reservations.pids", service.Deploy?.Reservations?.Pids != null),
                ("ports[].host_ip", service.Ports.Any(port => port.HostIp != null)),
                ("volumes[] options " + string.Join(",", service.Volumes.SelectMany(mount => mount.Options).Distinct()), service.Volumes.Any(mount => mount.Options.Count > 0)),
                ("volumes[].bind.create_host_path", service.Volumes.Any(mount => mount.BindCreateHostPath == true)),
                ("networks[].ipv4_address", service.Networks.Values.Any(network => network.Ipv4Address != null)),
                ("networks[].ipv6_address", service.Networks.Values.Any(network => network.Ipv6Address != null)),
            };
            foreach ((string key, bool set) in flags)
            {
                if (set)
                {
                    yield return key;
                }
            }
        }

        private static ContainerServiceMode Mode(string? mode, string file, string key) =>
            (mode ?? "replicated").ToLowerInvariant() switch
            {
                "replicated" => ContainerServiceMode.Replicated,
                "global" => ContainerServiceMode.Global,
                _ => throw new ComposeFileException($"the deploy mode '{mode}' is not one a stack deploys; use replicated or global", file, 0, 0, key + ".deploy.mode"),
            };

        // A variable named without a value, and not in the environment either, stays unset (as docker stack leaves it).
        private static Hashtable Environment(ComposeService service)
        {
            var table = new Hashtable(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string?> variable in service.Environment.Where(variable => variable.Value != null))
            {
                table[variable.Key] = variable.Value;
            }

            return table;
        }

        private sealed class StackNames
        {
            public StackNames(IReadOnlyDictionary<string, string> networks, IReadOnlyDictionary<string, string> secrets, IReadOnlyDictionary<string, string> configs, IReadOnlyDictionary<string, string> volumes)
            {
                Networks = networks;
                Secrets = secrets;
                Configs = configs;
                Volumes = volumes;
            }

            public IReadOnlyDictionary<string, string> Networks { get; }

            public IReadOnlyDictionary<string, string> Secrets { get; }

            public IReadOnlyDictionary<string, string> Configs { get; }

            public IReadOnlyDictionary<string, string> Volumes { get; }
        }

        private static string PortText(ComposePort port) =>
            $"mode={port.Mode},target={port.Target.ToString(CultureInfo.InvariantCulture)},protocol={port.Protocol}" + (port.Published == null ? string.Empty : ",published=" + port.Published);

        // docker --mount's keys, for New-ContainerService's mount parser.
        private static Hashtable MountTable(ComposeProject project, IReadOnlyDictionary<string, string> volumeNames, ComposeMount mount)
        {
            var table = new Hashtable(StringComparer.Ordinal) { ["type"] = mount.Type, ["target"] = mount.Target };
            string? source = mount.Source;
            if (mount.Type == "volume" && source != null && project.Volumes.TryGetValue(source, out ComposeVolume? volume))
            {
                source = volumeNames[mount.Source!];
                if (!volume.External && volume.Driver != null)
                {
                    table["volume-driver"] = volume.Driver;
                }
            }

            if (source != null)
            {
                table["source"] = source;
            }

            if (mount.ReadOnly)
            {
                table["readonly"] = "true";
            }

            if (mount.VolumeNoCopy == true)
            {
                table["volume-nocopy"] = "true";
            }

            if (mount.BindPropagation != null)
            {
                table["bind-propagation"] = mount.BindPropagation;
            }

            if (mount.TmpfsSize != null)
            {
                table["tmpfs-size"] = mount.TmpfsSize.Value.ToString(CultureInfo.InvariantCulture);
            }

            return table;
        }

        // A named volume of the stack carries the namespace label (and the file's labels and driver options), so the
        // volume each node makes for it is the stack's; an external volume is used as it is.
        private static void VolumeLabels(string stack, ComposeProject project, ComposeMount written, Mount mount)
        {
            if (written.Type != "volume" || written.Source == null || !project.Volumes.TryGetValue(written.Source, out ComposeVolume? volume) || volume.External)
            {
                return;
            }

            mount.VolumeOptions ??= new MountVolumeOptions();
            mount.VolumeOptions.Labels = new Dictionary<string, string>(volume.Labels.ToDictionary(pair => pair.Key, pair => pair.Value), StringComparer.Ordinal) { [ContainerStackLabels.Namespace] = stack };
            if (volume.DriverOptions.Count > 0)
            {
                mount.VolumeOptions.DriverConfig ??= new MountDriverConfig { Name = volume.Driver };
                mount.VolumeOptions.DriverConfig.Options = volume.DriverOptions.ToDictionary(pair => pair.Key, pair => pair.Value);
            }
        }

        // docker service create's --secret and --config form. The file appears as the key's name unless target: says
        // otherwise (docker's default), not as the scoped name.
        private static string FileText(string name, ComposeFileReference reference) =>
            $"source={name},target={reference.Target ?? reference.Source},uid={reference.Uid ?? "0"},gid={reference.Gid ?? "0"},mode={Convert.ToString(reference.Mode ?? Convert.ToInt32("444", 8), 8)}";

        private static Hashtable? Table(IReadOnlyDictionary<string, string> labels)
        {
            if (labels.Count == 0)
            {
                return null;
            }

            var table = new Hashtable(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> label in labels)
            {
                table[label.Key] = label.Value;
            }

            return table;
        }

        private static Hashtable? Resources(ComposeResources? resources)
        {
            if (resources == null || (resources.Cpus == null && resources.MemoryBytes == null))
            {
                return null;
            }

            var table = new Hashtable();
            if (resources.Cpus != null)
            {
                table["Cpu"] = resources.Cpus.Value;
            }

            if (resources.MemoryBytes != null)
            {
                table["Memory"] = resources.MemoryBytes.Value;
            }

            return table;
        }

        // deploy.restart_policy, else the service's restart: as docker stack reads it (no: none, always and
        // unless-stopped: any, on-failure[:N]).
        private static string? RestartCondition(ComposeRestartPolicy? policy, string? restart)
        {
            if (policy != null)
            {
                return policy.Condition ?? "any";
            }

            return restart?.Split(':')[0] switch
            {
                null => null,
                "no" => "none",
                "on-failure" => "on-failure",
                _ => "any",
            };
        }

        private static ulong? RestartAttempts(ComposeRestartPolicy? policy, string? restart)
        {
            if (policy != null)
            {
                return policy.MaxAttempts == null ? null : (ulong?)Math.Max(0, policy.MaxAttempts.Value);
            }

            string[] parts = (restart ?? string.Empty).Split(':');
            return parts.Length == 2 && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong attempts) ? attempts : null;
        }

        // docker stack's defaults: one task at a time, unless the file says otherwise.
        private static ServiceUpdateConfig? UpdateConfig(ComposeUpdateConfig? update, string file, string key)
        {
            if (update == null)
            {
                return null;
            }

            return new ServiceUpdateConfig
            {
                Parallelism = (ulong)Math.Max(0, update.Parallelism ?? 1),
                Delay = update.Delay == null ? 0 : Duration(update.Delay, file, key + ".delay"),
                FailureAction = update.FailureAction,
                Monitor = update.Monitor == null ? null : Duration(update.Monitor, file, key + ".monitor"),
                MaxFailureRatio = update.MaxFailureRatio,
                Order = update.Order,
            };
        }

        private static long Duration(string text, string file, string key) =>
            GoDuration.TryParse(text, out long nanoseconds)
                ? nanoseconds
                : throw new ComposeFileException($"'{text}' is not a duration; write one such as 30s, 1m30s or 500ms", file, 0, 0, key);

        private static NetworkCreateRequest Network(string stack, string name, ComposeNetwork network) => new NetworkCreateRequest
        {
            Name = name,
            Driver = network.Driver ?? "overlay",
            Options = network.DriverOptions.Count == 0 ? null : network.DriverOptions.ToDictionary(pair => pair.Key, pair => pair.Value),
            Internal = network.Internal,
            Attachable = network.Attachable,
            IPAM = network.Subnets.Count == 0 ? null : new NetworkIpam { Config = network.Subnets.Select(subnet => new NetworkIpamConfig { Subnet = subnet }).ToList() },
            Labels = new Dictionary<string, string>(network.Labels.ToDictionary(pair => pair.Key, pair => pair.Value), StringComparer.Ordinal) { [ContainerStackLabels.Namespace] = stack },
        };

        private static SwarmDataSpec Data(string stack, string name, string key, string section, ComposeFileObject data, string file, IReadOnlyDictionary<string, string>? variables)
        {
            byte[] content;
            if (data.File != null)
            {
                try
                {
                    content = File.ReadAllBytes(data.File);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new ComposeFileException($"the file '{data.File}' cannot be read: {e.Message}", file, 0, 0, $"{section}.{key}.file");
                }
            }
            else if (data.Content != null)
            {
                content = Encoding.UTF8.GetBytes(data.Content);
            }
            else if (data.Environment != null)
            {
                string? value = variables != null
                    ? (variables.TryGetValue(data.Environment, out string? given) ? given : null)
                    : System.Environment.GetEnvironmentVariable(data.Environment);
                content = Encoding.UTF8.GetBytes(value ?? throw new ComposeFileException($"the variable '{data.Environment}' is not set", file, 0, 0, $"{section}.{key}.environment"));
            }
            else
            {
                throw new ComposeFileException("it has neither file:, environment: nor external: true", file, 0, 0, $"{section}.{key}");
            }

            if (content.Length > SwarmDataSpec.MaxDataSize)
            {
                throw new ComposeFileException($"its content is {content.Length} bytes; the swarm keeps at most {SwarmDataSpec.MaxDataSize}", file, 0, 0, $"{section}.{key}");
            }

            return new SwarmDataSpec
            {
                Name = name,
                Data = content,
                Labels = new Dictionary<string, string>(data.Labels.ToDictionary(pair => pair.Key, pair => pair.Value), StringComparer.Ordinal) { [ContainerStackLabels.Namespace] = stack },
            };
        }
    }
}
