using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Text;

namespace Containers.Commands.Engine
{
    /// <summary>Fills a <see cref="ContainerEngine"/> with what <c>docker version</c> and <c>docker info</c> show.</summary>
    public static class EngineInfo
    {
        public static async Task<ContainerEngine> LoadAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            EngineClient client = engine.Client;
            Version api = await client.GetApiVersionAsync(cancellationToken);
            Task<VersionResponse> versionTask = client.System.VersionAsync(cancellationToken);
            Task<SystemInfo> infoTask = client.System.InfoAsync(cancellationToken);
            VersionResponse version = await versionTask;
            SystemInfo info = await infoTask;

            engine.ApiVersion = api.ToString(2);
            engine.EngineVersion = version.Version;
            engine.MinimumApiVersion = version.MinAPIVersion;
            engine.OSType = info.OSType ?? version.Os;
            engine.OperatingSystem = info.OperatingSystem;
            engine.Architecture = info.Architecture ?? version.Arch;
            engine.KernelVersion = info.KernelVersion ?? version.KernelVersion;
            engine.HostName = info.Name;
            engine.Containers = info.Containers;
            engine.ContainersRunning = info.ContainersRunning;
            engine.ContainersPaused = info.ContainersPaused;
            engine.ContainersStopped = info.ContainersStopped;
            engine.Images = info.Images;
            engine.StorageDriver = info.Driver;
            engine.CgroupDriver = info.CgroupDriver;
            engine.RootDirectory = info.DockerRootDir;
            engine.CpuCount = info.NCPU;
            engine.MemoryTotal = info.MemTotal;
            engine.Warnings = info.Warnings?.ToArray() ?? Array.Empty<string>();
            engine.EngineId = info.ID;
            engine.OSVersion = string.IsNullOrEmpty(info.OSVersion) ? null : info.OSVersion;
            engine.CgroupVersion = info.CgroupVersion;
            engine.LoggingDriver = info.LoggingDriver;
            engine.DefaultRuntime = info.DefaultRuntime;
            engine.Runtimes = info.Runtimes?.Keys.OrderBy(name => name, StringComparer.Ordinal).ToArray() ?? Array.Empty<string>();
            engine.SecurityOptions = info.SecurityOptions?.ToArray() ?? Array.Empty<string>();
            engine.Isolation = string.IsNullOrEmpty(info.Isolation) ? null : info.Isolation;
            engine.InsecureRegistries = InsecureRegistries(info.RegistryConfig);
            engine.RegistryMirrors = info.RegistryConfig?.Mirrors?.ToArray() ?? Array.Empty<string>();
            engine.IndexServerAddress = info.IndexServerAddress;
            engine.LiveRestoreEnabled = info.LiveRestoreEnabled;
            engine.Experimental = info.ExperimentalBuild;
            engine.Debug = info.Debug;
            engine.Labels = info.Labels?.ToArray() ?? Array.Empty<string>();
            engine.HttpProxy = EmptyAsNull(info.HttpProxy);
            engine.HttpsProxy = EmptyAsNull(info.HttpsProxy);
            engine.NoProxy = EmptyAsNull(info.NoProxy);
            engine.SwarmState = info.Swarm?.LocalNodeState;
            engine.SystemTime = EngineTime.Parse(info.SystemTime);
            engine.GoVersion = version.GoVersion;
            engine.GitCommit = version.GitCommit;
            return engine;
        }

        /// <summary>As docker info lists them: registries marked insecure by name, then the insecure networks.</summary>
        private static string[] InsecureRegistries(RegistryServiceConfig? registries)
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
