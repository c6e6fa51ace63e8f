using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>
    /// What an engine is, as docker version and docker info show it, when it was asked: Get-ContainerEngine,
    /// Connect-ContainerEngine and Disconnect-ContainerEngine -PassThru return a new one each time, so one held keeps
    /// what it was given. It carries its <see cref="Engine"/>, so piping it on (Get-ContainerEngine | Get-Container) or
    /// passing it to -Engine reaches that engine.
    /// </summary>
    public sealed class ContainerEngineInfo
    {
        private ContainerEngineInfo(ContainerEngine engine)
        {
            Engine = engine;
        }

        /// <summary>The engine this describes: what -Engine binds to when the snapshot is piped on.</summary>
        public ContainerEngine Engine { get; }

        /// <summary>The docker context or host name it was chosen by, else its address.</summary>
        public string Name => Engine.Name;

        public string Uri => Engine.Uri;

        /// <summary>Where the choice came from: parameter, DOCKER_HOST, DOCKER_CONTEXT, the current context, or the default.</summary>
        public string Source => Engine.Source;

        public bool UsesTls => Engine.UsesTls;

        public string? ApiVersion { get; private set; }

        public string? EngineVersion { get; private set; }

        public string? MinimumApiVersion { get; private set; }

        public string? OSType { get; private set; }

        public string? OperatingSystem { get; private set; }

        public string? Architecture { get; private set; }

        public string? KernelVersion { get; private set; }

        public string? HostName { get; private set; }

        public int? Containers { get; private set; }

        public int? ContainersRunning { get; private set; }

        public int? ContainersPaused { get; private set; }

        public int? ContainersStopped { get; private set; }

        public int? Images { get; private set; }

        public string? StorageDriver { get; private set; }

        public string? CgroupDriver { get; private set; }

        public string? RootDirectory { get; private set; }

        public int? CpuCount { get; private set; }

        /// <summary>Bytes.</summary>
        public long? MemoryTotal { get; private set; }

        public string[] Warnings { get; private set; } = Array.Empty<string>();

        /// <summary>The engine's own id (docker info's ID), stable across restarts.</summary>
        public string? EngineId { get; private set; }

        /// <summary>The OS version where the engine reports one (Windows builds); empty on Linux.</summary>
        public string? OSVersion { get; private set; }

        /// <summary>1 or 2.</summary>
        public string? CgroupVersion { get; private set; }

        /// <summary>The logging driver containers get unless they name another.</summary>
        public string? LoggingDriver { get; private set; }

        public string? DefaultRuntime { get; private set; }

        public string[] Runtimes { get; private set; } = Array.Empty<string>();

        /// <summary>name=seccomp,profile=default, name=apparmor, name=rootless, ...</summary>
        public string[] SecurityOptions { get; private set; } = Array.Empty<string>();

        /// <summary>Container isolation on Windows engines (process or hyperv).</summary>
        public string? Isolation { get; private set; }

        /// <summary>Registries reached without TLS verification: names, then networks (CIDR), as docker info lists them.</summary>
        public string[] InsecureRegistries { get; private set; } = Array.Empty<string>();

        public string[] RegistryMirrors { get; private set; } = Array.Empty<string>();

        /// <summary>The registry docker login and docker search use when none is named.</summary>
        public string? IndexServerAddress { get; private set; }

        /// <summary>Containers keep running while the engine restarts.</summary>
        public bool? LiveRestoreEnabled { get; private set; }

        /// <summary>The engine runs with experimental features on.</summary>
        public bool? Experimental { get; private set; }

        /// <summary>The engine runs in debug mode.</summary>
        public bool? Debug { get; private set; }

        /// <summary>The engine's labels (key=value), from its configuration.</summary>
        public string[] Labels { get; private set; } = Array.Empty<string>();

        public string? HttpProxy { get; private set; }

        public string? HttpsProxy { get; private set; }

        public string? NoProxy { get; private set; }

        /// <summary>inactive, pending, active, error or locked.</summary>
        public string? SwarmState { get; private set; }

        /// <summary>The engine's clock when asked, in local time.</summary>
        public DateTime? SystemTime { get; private set; }

        public string? GoVersion { get; private set; }

        public string? GitCommit { get; private set; }

        public override string ToString() => Name;

        /// <summary>Only where the engine is: for an engine that did not answer.</summary>
        public static ContainerEngineInfo AddressOnly(ContainerEngine engine) => new ContainerEngineInfo(engine);

        /// <summary>What the engine answered to the negotiated API version, /version and /info.</summary>
        public static ContainerEngineInfo From(ContainerEngine engine, Version api, VersionResponse version, SystemInfo info) =>
            new ContainerEngineInfo(engine)
            {
                ApiVersion = api.ToString(2),
                EngineVersion = version.Version,
                MinimumApiVersion = version.MinAPIVersion,
                OSType = info.OSType ?? version.Os,
                OperatingSystem = info.OperatingSystem,
                Architecture = info.Architecture ?? version.Arch,
                KernelVersion = info.KernelVersion ?? version.KernelVersion,
                HostName = info.Name,
                Containers = info.Containers,
                ContainersRunning = info.ContainersRunning,
                ContainersPaused = info.ContainersPaused,
                ContainersStopped = info.ContainersStopped,
                Images = info.Images,
                StorageDriver = info.Driver,
                CgroupDriver = info.CgroupDriver,
                RootDirectory = info.DockerRootDir,
                CpuCount = info.NCPU,
                MemoryTotal = info.MemTotal,
                Warnings = info.Warnings?.ToArray() ?? Array.Empty<string>(),
                EngineId = info.ID,
                OSVersion = EmptyAsNull(info.OSVersion),
                CgroupVersion = info.CgroupVersion,
                LoggingDriver = info.LoggingDriver,
                DefaultRuntime = info.DefaultRuntime,
                Runtimes = info.Runtimes?.Keys.OrderBy(name => name, StringComparer.Ordinal).ToArray() ?? Array.Empty<string>(),
                SecurityOptions = info.SecurityOptions?.ToArray() ?? Array.Empty<string>(),
                Isolation = EmptyAsNull(info.Isolation),
                InsecureRegistries = InsecureRegistriesOf(info.RegistryConfig),
                RegistryMirrors = info.RegistryConfig?.Mirrors?.ToArray() ?? Array.Empty<string>(),
                IndexServerAddress = info.IndexServerAddress,
                LiveRestoreEnabled = info.LiveRestoreEnabled,
                Experimental = info.ExperimentalBuild,
                Debug = info.Debug,
                Labels = info.Labels?.ToArray() ?? Array.Empty<string>(),
                HttpProxy = EmptyAsNull(info.HttpProxy),
                HttpsProxy = EmptyAsNull(info.HttpsProxy),
                NoProxy = EmptyAsNull(info.NoProxy),
                SwarmState = info.Swarm?.LocalNodeState,
                SystemTime = EngineTime.Parse(info.SystemTime),
                GoVersion = version.GoVersion,
                GitCommit = version.GitCommit,
            };

        /// <summary>As docker info lists them: registries marked insecure by name, then the insecure networks.</summary>
        private static string[] InsecureRegistriesOf(RegistryServiceConfig? registries)
        {
            if (registries == null)
            {
                return Array.Empty<string>();
            }

            IEnumerable<string> names = (registries.IndexConfigs?.Values ?? Enumerable.Empty<RegistryIndexInfo>())
                .Where(index => !index.Secure && !string.IsNullOrEmpty(index.Name))
                .Select(index => index.Name!)
                .OrderBy(name => name, StringComparer.Ordinal);
            return names.Concat(registries.InsecureRegistryCIDRs ?? Enumerable.Empty<string>()).ToArray();
        }

        private static string? EmptyAsNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
