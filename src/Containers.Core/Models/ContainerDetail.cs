using System.Globalization;
using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>
    /// Everything the engine knows about one container (docker inspect). It is also a <see cref="Container"/>, so it
    /// pipes into every container cmdlet.
    /// </summary>
    public sealed class ContainerDetail : Container
    {
        public string? Path { get; private set; }

        public ReadableList<string> Args { get; private set; } = ReadableList<string>.Empty;

        public int? ProcessId { get; private set; }

        public DateTime? StartedAt { get; private set; }

        public DateTime? FinishedAt { get; private set; }

        public bool OOMKilled { get; private set; }

        public string? Error { get; private set; }

        public string? Health { get; private set; }

        public int RestartCount { get; private set; }

        public string? RestartPolicy { get; private set; }

        public string? Platform { get; private set; }

        public string? IPAddress { get; private set; }

        public ReadableList<string> Environment { get; private set; } = ReadableList<string>.Empty;

        public ReadableList<MountPoint> Mounts { get; private set; } = ReadableList<MountPoint>.Empty;

        /// <summary>Bytes in the container's writable layer; only with Get-ContainerDetail -Size.</summary>
        public long? SizeRw { get; private set; }

        /// <summary>Bytes of the whole root filesystem, image layers included; only with Get-ContainerDetail -Size.</summary>
        public long? SizeRootFs { get; private set; }

        /// <summary>The engine's own structures, for settings this object does not lift out.</summary>
        public ContainerConfig? Config { get; private set; }

        public HostConfig? HostConfig { get; private set; }

        public InspectNetworkSettings? NetworkSettings { get; private set; }

        public static new ContainerDetail FromInspect(ContainerInspect inspect, ContainerEngine engine)
        {
            ContainerState state = inspect.State ?? new ContainerState();
            ContainerConfig config = inspect.Config ?? new ContainerConfig();
            string stateName = state.Status ?? string.Empty;
            DateTime? started = EngineTime.Parse(state.StartedAt);
            DateTime? finished = EngineTime.Parse(state.FinishedAt);
            return new ContainerDetail
            {
                Id = inspect.Id,
                Name = (inspect.Name ?? string.Empty).TrimStart('/'),
                Image = config.Image ?? inspect.Image ?? string.Empty,
                ImageId = inspect.Image,
                Command = string.Join(" ", new[] { inspect.Path }.Concat(inspect.Args ?? new List<string>()).Where(part => !string.IsNullOrEmpty(part))),
                Created = EngineTime.Parse(inspect.Created) ?? DateTime.MinValue,
                State = stateName,
                Status = DescribeStatus(state, started, finished),
                Ports = PortsOf(inspect.NetworkSettings?.Ports),
                Labels = new ReadableDictionary(config.Labels),
                ExitCode = stateName == "exited" || stateName == "dead" ? state.ExitCode : (int?)null,
                Networks = new ReadableList<string>(inspect.NetworkSettings?.Networks?.Keys.OrderBy(k => k, StringComparer.Ordinal)),
                Engine = engine,
                Path = inspect.Path,
                Args = new ReadableList<string>(inspect.Args),
                ProcessId = state.Pid > 0 ? state.Pid : (int?)null,
                StartedAt = started,
                FinishedAt = finished,
                OOMKilled = state.OOMKilled,
                Error = string.IsNullOrEmpty(state.Error) ? null : state.Error,
                Health = state.Health?.Status,
                RestartCount = inspect.RestartCount,
                RestartPolicy = inspect.HostConfig?.RestartPolicy?.Name,
                Platform = inspect.Platform,
                IPAddress = string.IsNullOrEmpty(inspect.NetworkSettings?.IPAddress) ? null : inspect.NetworkSettings!.IPAddress,
                Environment = new ReadableList<string>(config.Env),
                Mounts = new ReadableList<MountPoint>(inspect.Mounts),
                SizeRw = inspect.SizeRw,
                SizeRootFs = inspect.SizeRootFs,
                Config = inspect.Config,
                HostConfig = inspect.HostConfig,
                NetworkSettings = inspect.NetworkSettings,
            };
        }

        private static ReadableList<ContainerPort> PortsOf(Dictionary<string, List<PortBinding>?>? ports)
        {
            var result = new List<ContainerPort>();
            foreach (KeyValuePair<string, List<PortBinding>?> pair in ports ?? new Dictionary<string, List<PortBinding>?>())
            {
                string[] parts = pair.Key.Split('/');
                if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int privatePort))
                {
                    continue;
                }

                string protocol = parts.Length > 1 ? parts[1] : "tcp";
                if (pair.Value == null || pair.Value.Count == 0)
                {
                    result.Add(new ContainerPort(privatePort, protocol, null, null));
                    continue;
                }

                foreach (PortBinding binding in pair.Value)
                {
                    int? hostPort = int.TryParse(binding.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : (int?)null;
                    result.Add(new ContainerPort(privatePort, protocol, binding.HostIp, hostPort));
                }
            }

            return new ReadableList<ContainerPort>(result.OrderBy(p => p.PrivatePort).ThenBy(p => p.HostIP, StringComparer.Ordinal));
        }

        // Inspect has no Status text; build the one docker ps would show.
        private static string DescribeStatus(ContainerState state, DateTime? started, DateTime? finished)
        {
            DateTime now = DateTime.Now;
            if (state.Paused && started.HasValue)
            {
                return "Up " + HumanDuration.Of(now - started.Value) + " (Paused)";
            }

            if (state.Restarting)
            {
                return "Restarting (" + state.ExitCode.ToString(CultureInfo.InvariantCulture) + ")";
            }

            if (state.Running && started.HasValue)
            {
                return "Up " + HumanDuration.Of(now - started.Value);
            }

            if (state.Status == "exited" && finished.HasValue)
            {
                return "Exited (" + state.ExitCode.ToString(CultureInfo.InvariantCulture) + ") " + HumanDuration.Of(now - finished.Value) + " ago";
            }

            return state.Status == null ? string.Empty : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(state.Status);
        }
    }
}
