using System.Collections;
using System.Globalization;
using Containers.Commands.Images;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>
    /// Turns New- and Set-ContainerService's parameters into the engine's service spec, with New-Container's parsers for
    /// what a task shares with a container (ports, environment, mounts, labels, networks, memory and CPU), checking
    /// everything before the engine sees anything: bad input never leaves a service behind, nor half changed.
    /// New builds a spec from nothing (<see cref="Build"/>); Set changes the spec it read (<see cref="Apply"/>): both
    /// go through <see cref="Apply"/>, so a parameter means the same in each.
    /// </summary>
    public static class ServiceSpecBuilder
    {
        /// <summary>The labels docker stack gives a stack's services: kept when -Label replaces the others, so the stack still owns the service.</summary>
        private const string StackLabelPrefix = "com.docker.stack.";

        public static ServiceSpec Build(ServiceOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.Image))
            {
                throw new InvalidParameterException("Image", options.Image, "No image was given.");
            }

            ImageNameArgument.Parse(options.Image, "Image");
            if (options.Mode == ContainerServiceMode.Global && options.Replicas != null)
            {
                throw new InvalidParameterException("Replicas", options.Replicas, "A global service runs one task on every node; -Replicas applies to replicated services only.");
            }

            var spec = new ServiceSpec
            {
                Name = Blank(options.Name),
                TaskTemplate = new TaskSpec { ContainerSpec = new ContainerSpec { Image = options.Image } },
                Mode = options.Mode == ContainerServiceMode.Global
                    ? new ServiceMode { Global = new GlobalService() }
                    : new ServiceMode { Replicated = new ReplicatedService { Replicas = options.Replicas ?? 1 } },
            };
            Apply(options, spec);
            return spec;
        }

        /// <summary>
        /// Puts into <paramref name="spec"/> what <paramref name="options"/> gives, each part whole; what it does not
        /// give is left as it is. Everything is parsed before the spec is touched, so a bad value throws an
        /// <see cref="InvalidParameterException"/> naming its parameter and leaves the spec as it was.
        /// </summary>
        public static void Apply(ServiceTaskOptions options, ServiceSpec spec)
        {
            if (options.PublishMode != null && options.Port == null)
            {
                throw new InvalidParameterException("PublishMode", options.PublishMode, $"-PublishMode {options.PublishMode} says how the ports given with -Port are published; give -Port with it.");
            }

            List<string>? environment = EnvironmentConverter.ToEntries(options.Environment);
            List<EndpointPortConfig>? ports = options.Port?.SelectMany(port => ServicePortParser.Parse(port, options.PublishMode)).ToList();
            List<Mount>? mounts = options.Volume == null && options.Mount == null ? null : Mounts(options);
            List<SecretReference>? secrets = options.Secret?.Select(SwarmFileReferenceParser.ParseSecret).ToList();
            List<ConfigReference>? configs = options.Config?.Select(SwarmFileReferenceParser.ParseConfig).ToList();
            Dictionary<string, string>? labels = LabelConverter.ToLabels(options.Label);
            List<NetworkAttachmentConfig>? networks = options.Network?.Select(network => new NetworkAttachmentConfig { Target = NetworkArgument.NameOf(network, "Network") }).ToList();
            ResourceAmounts? limits = Amounts(options.Limit, "Limit");
            ResourceAmounts? reservations = Amounts(options.Reserve, "Reserve");
            string? restartCondition = RestartCondition(options.RestartCondition);

            TaskSpec task = spec.TaskTemplate;
            ContainerSpec container = task.ContainerSpec;
            container.Args = options.Command == null ? container.Args : NullIfEmpty(options.Command.ToList());
            container.Command = options.Entrypoint == null ? container.Command : NullIfEmpty(options.Entrypoint.ToList());
            container.Env = environment == null ? container.Env : NullIfEmpty(environment);
            container.User = options.User == null ? container.User : Blank(options.User);
            container.Dir = options.WorkingDirectory == null ? container.Dir : Blank(options.WorkingDirectory);
            container.TTY = options.Tty ?? container.TTY;
            container.Mounts = mounts == null ? container.Mounts : NullIfEmpty(mounts);
            container.Secrets = secrets == null ? container.Secrets : NullIfEmpty(secrets);
            container.Configs = configs == null ? container.Configs : NullIfEmpty(configs);
            task.Networks = networks == null ? task.Networks : NullIfEmpty(networks);
            if (options.Constraint != null)
            {
                // Only the constraints: preferences and the like, set elsewhere, stay.
                task.Placement ??= new TaskPlacement();
                task.Placement.Constraints = NullIfEmpty(options.Constraint.ToList());
            }

            if (limits != null || reservations != null)
            {
                task.Resources ??= new TaskResources();
                task.Resources.Limits = options.Limit == null ? task.Resources.Limits : NullIfEmpty(limits);
                task.Resources.Reservations = options.Reserve == null ? task.Resources.Reservations : NullIfEmpty(reservations);
            }

            if (restartCondition != null || options.RestartMaxAttempts != null)
            {
                task.RestartPolicy ??= new TaskRestartPolicy { Condition = "any" };
                task.RestartPolicy.Condition = restartCondition ?? task.RestartPolicy.Condition;
                task.RestartPolicy.MaxAttempts = options.RestartMaxAttempts ?? task.RestartPolicy.MaxAttempts;
            }

            if (labels != null)
            {
                foreach (KeyValuePair<string, string> stack in (spec.Labels ?? new Dictionary<string, string>()).Where(label => label.Key.StartsWith(StackLabelPrefix, StringComparison.Ordinal)))
                {
                    labels[stack.Key] = stack.Value;
                }

                spec.Labels = NullIfEmpty(labels);
            }

            if (ports != null)
            {
                // The ports only: the endpoint's mode (vip, dnsrr) stays.
                spec.EndpointSpec ??= new EndpointSpec();
                spec.EndpointSpec.Ports = NullIfEmpty(ports);
            }
        }

        private static List<Mount> Mounts(ServiceTaskOptions options)
        {
            var mounts = new List<Mount>();
            foreach (VolumeSpec volume in (options.Volume ?? new List<string>()).Select(v => VolumeSpecParser.Parse(v, options.ResolveHostPath)))
            {
                // A task has no -v: a volume entry is a mount, a host path a bind mount.
                bool bind = volume.Source != null && (volume.Source.StartsWith("/", StringComparison.Ordinal) || Path.IsPathRooted(volume.Source));
                mounts.Add(new Mount
                {
                    Type = bind ? "bind" : "volume",
                    Source = volume.Source,
                    Target = volume.Target,
                    ReadOnly = (volume.Mode ?? string.Empty).Split(',').Contains("ro"),
                });
            }

            mounts.AddRange((options.Mount ?? new List<object>()).Select(m => MountSpecParser.Parse(m, options.ResolveHostPath)));
            return mounts;
        }

        // @{ Cpu = 0.5; Memory = '256m' }, read with New-Container's -Cpu and -Memory parsers.
        private static ResourceAmounts? Amounts(IDictionary? table, string parameterName)
        {
            if (table == null)
            {
                return null;
            }

            var amounts = new ResourceAmounts();
            foreach (DictionaryEntry entry in table)
            {
                string key = Convert.ToString(PlainValues.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                if (key.Equals("Cpu", StringComparison.OrdinalIgnoreCase))
                {
                    amounts.NanoCPUs = CpuParser.ToNanoCpus(entry.Value);
                }
                else if (key.Equals("Memory", StringComparison.OrdinalIgnoreCase))
                {
                    amounts.MemoryBytes = MemoryLimit.Parse(entry.Value, parameterName);
                }
                else
                {
                    throw new InvalidParameterException(parameterName, key, $"-{parameterName} takes Cpu and Memory, not '{key}': @{{ Cpu = 0.5; Memory = '256m' }}.");
                }
            }

            return amounts;
        }

        private static string? RestartCondition(string? given)
        {
            string? condition = given?.ToLowerInvariant().Replace("onfailure", "on-failure");
            if (condition != null && condition != "none" && condition != "on-failure" && condition != "any")
            {
                throw new InvalidParameterException("RestartCondition", given, $"'{given}' is not a restart condition; use None, OnFailure or Any.");
            }

            return condition;
        }

        // An empty list or table clears the part: the engine is sent nothing rather than an empty value, as a spec made
        // without it would be, so the swarm sees no change where there is none.
        private static List<T>? NullIfEmpty<T>(List<T>? items) => items == null || items.Count == 0 ? null : items;

        private static Dictionary<string, string>? NullIfEmpty(Dictionary<string, string>? items) => items == null || items.Count == 0 ? null : items;

        private static ResourceAmounts? NullIfEmpty(ResourceAmounts? amounts) =>
            amounts == null || (amounts.NanoCPUs == 0 && amounts.MemoryBytes == 0) ? null : amounts;

        private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
