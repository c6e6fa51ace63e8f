using System.Threading;
using System.Threading.Tasks;
using Containers.Engine;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Engine
{
    /// <summary>Fills a <see cref="ContainerEngine"/> with what <c>docker version</c> and <c>docker info</c> show.</summary>
    public static class EngineInfo
    {
        public static async Task<ContainerEngine> LoadAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            EngineClient client = engine.Client;
            System.Version api = await client.GetApiVersionAsync(cancellationToken);
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
            engine.Warnings = info.Warnings?.ToArray() ?? System.Array.Empty<string>();
            return engine;
        }
    }
}
