using Containers.Commands.Images;
using Containers.Engine.Models;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>
    /// Turns the friendly parameters into the engine's create request, checking every one of them first: the engine
    /// sees nothing until the whole request is known to be well formed, so bad input never leaves a container behind.
    /// </summary>
    public static class ContainerRequestBuilder
    {
        public static ContainerCreateRequest Build(ContainerOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.Image))
            {
                throw new InvalidParameterException("Image", options.Image, "No image was given.");
            }

            // An id or an id's prefix is a valid reference too; a 'sha256:' prefix is left to the engine to look up.
            if (!options.Image!.StartsWith("sha256:", StringComparison.Ordinal))
            {
                ImageNameArgument.Parse(options.Image, "Image");
            }

            var host = new HostConfig();
            var request = new ContainerCreateRequest
            {
                Image = options.Image,
                Cmd = options.Command?.ToList(),
                Entrypoint = options.Entrypoint == null ? null : options.Entrypoint.Count == 0 ? new List<string> { string.Empty } : options.Entrypoint.ToList(),
                Env = EnvironmentConverter.ToEntries(options.Environment),
                Labels = LabelConverter.ToLabels(options.Label),
                User = Blank(options.User),
                WorkingDir = Blank(options.WorkingDirectory),
                Hostname = Blank(options.HostName),
                Tty = options.Tty,
                OpenStdin = options.Interactive,
                StdinOnce = options.Interactive,
                AttachStdin = options.Interactive,
                AttachStdout = true,
                AttachStderr = true,
                HostConfig = host,
            };

            AddPorts(request, host, options.Port);
            AddVolumes(request, host, options);
            if (options.Mount != null)
            {
                host.Mounts = options.Mount.Select(m => MountSpecParser.Parse(m, options.ResolveHostPath)).ToList();
            }

            if (options.RestartPolicy != null)
            {
                host.RestartPolicy = RestartPolicyParser.Parse(options.RestartPolicy);
            }

            if (options.Memory != null)
            {
                host.Memory = MemoryLimit.Parse(options.Memory, "Memory");
            }

            if (options.Cpu != null)
            {
                host.NanoCpus = CpuParser.ToNanoCpus(options.Cpu);
            }

            if (options.Network != null)
            {
                host.NetworkMode = NetworkArgument.NameOf(options.Network, "Network");
            }

            host.Privileged = options.Privileged;
            host.ReadonlyRootfs = options.ReadOnly;
            return request;
        }

        private static void AddPorts(ContainerCreateRequest request, HostConfig host, IList<string>? ports)
        {
            if (ports == null)
            {
                return;
            }

            request.ExposedPorts = new Dictionary<string, EmptyObject>(StringComparer.Ordinal);
            host.PortBindings = new Dictionary<string, List<PortBinding>?>(StringComparer.Ordinal);
            foreach (string spec in ports)
            {
                foreach (KeyValuePair<string, PortBinding> mapping in PortMappingParser.Parse(spec))
                {
                    request.ExposedPorts[mapping.Key] = new EmptyObject();
                    if (!host.PortBindings.TryGetValue(mapping.Key, out List<PortBinding>? bindings) || bindings == null)
                    {
                        host.PortBindings[mapping.Key] = bindings = new List<PortBinding>();
                    }

                    bindings.Add(mapping.Value);
                }
            }
        }

        private static void AddVolumes(ContainerCreateRequest request, HostConfig host, ContainerOptions options)
        {
            if (options.Volume == null)
            {
                return;
            }

            foreach (VolumeSpec volume in options.Volume.Select(v => VolumeSpecParser.Parse(v, options.ResolveHostPath)))
            {
                if (volume.Source == null)
                {
                    request.Volumes ??= new Dictionary<string, EmptyObject>(StringComparer.Ordinal);
                    request.Volumes[volume.Target] = new EmptyObject();
                }
                else
                {
                    host.Binds ??= new List<string>();
                    host.Binds.Add(volume.ToBind());
                }
            }
        }

        private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
