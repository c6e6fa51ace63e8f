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
    /// Turns New-ContainerService's parameters into the engine's service spec, with New-Container's parsers for what a
    /// task shares with a container (ports, environment, mounts, labels, networks, memory and CPU), checking everything
    /// before the engine sees anything: bad input never leaves a service behind.
    /// </summary>
    public static class ServiceSpecBuilder
    {
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

            var container = new ContainerSpec
            {
                Image = options.Image,
                Args = options.Command?.ToList(),
                Command = options.Entrypoint?.ToList(),
                Env = EnvironmentConverter.ToEntries(options.Environment),
                User = Blank(options.User),
                Dir = Blank(options.WorkingDirectory),
                TTY = options.Tty,
                Mounts = Mounts(options),
            };

            var task = new TaskSpec
            {
                ContainerSpec = container,
                Resources = Resources(options),
                RestartPolicy = RestartPolicy(options),
                Placement = options.Constraint == null || options.Constraint.Count == 0 ? null : new TaskPlacement { Constraints = options.Constraint.ToList() },
                Networks = options.Network?.Select(network => new NetworkAttachmentConfig { Target = NetworkArgument.NameOf(network, "Network") }).ToList(),
            };

            return new ServiceSpec
            {
                Name = Blank(options.Name),
                Labels = LabelConverter.ToLabels(options.Label),
                TaskTemplate = task,
                Mode = options.Mode == ContainerServiceMode.Global
                    ? new ServiceMode { Global = new GlobalService() }
                    : new ServiceMode { Replicated = new ReplicatedService { Replicas = options.Replicas ?? 1 } },
                EndpointSpec = options.Port == null ? null : new EndpointSpec { Ports = options.Port.SelectMany(port => ServicePortParser.Parse(port, options.PublishMode)).ToList() },
            };
        }

        private static List<Mount>? Mounts(ServiceOptions options)
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
            return mounts.Count == 0 ? null : mounts;
        }

        private static TaskResources? Resources(ServiceOptions options)
        {
            ResourceAmounts? limits = Amounts(options.Limit, "Limit");
            ResourceAmounts? reservations = Amounts(options.Reserve, "Reserve");
            return limits == null && reservations == null ? null : new TaskResources { Limits = limits, Reservations = reservations };
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

        private static TaskRestartPolicy? RestartPolicy(ServiceOptions options)
        {
            if (options.RestartCondition == null && options.RestartMaxAttempts == null)
            {
                return null;
            }

            string? condition = options.RestartCondition?.ToLowerInvariant().Replace("onfailure", "on-failure");
            if (condition != null && condition != "none" && condition != "on-failure" && condition != "any")
            {
                throw new InvalidParameterException("RestartCondition", options.RestartCondition, $"'{options.RestartCondition}' is not a restart condition; use None, OnFailure or Any.");
            }

            return new TaskRestartPolicy { Condition = condition ?? "any", MaxAttempts = options.RestartMaxAttempts };
        }

        private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
