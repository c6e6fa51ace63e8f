using System.Text.Json;
using Containers.Commands.Engines;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Engines
{
    public class EngineInfoTests : EngineTest
    {
        [Fact]
        public async Task Engine_facts_match_docker_info()
        {
            string config = Path.Combine(Path.GetTempPath(), "cte-info-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(config);
            try
            {
                ContainerEngineInfo engine = await EngineInfo.LoadAsync(Engine, default);
                JsonElement info = JsonDocument.Parse(DockerCli.Run(Private.Endpoint, config, "info", "--format", "{{json .}}")).RootElement;

                Assert.Equal(info.GetProperty("ID").GetString(), engine.EngineId);
                Assert.Equal(info.GetProperty("Name").GetString(), engine.HostName);
                Assert.Equal(info.GetProperty("ServerVersion").GetString(), engine.EngineVersion);
                Assert.Equal(info.GetProperty("Driver").GetString(), engine.StorageDriver);
                Assert.Equal(info.GetProperty("LoggingDriver").GetString(), engine.LoggingDriver);
                Assert.Equal(info.GetProperty("CgroupDriver").GetString(), engine.CgroupDriver);
                Assert.Equal(info.GetProperty("CgroupVersion").GetString(), engine.CgroupVersion);
                Assert.Equal(info.GetProperty("KernelVersion").GetString(), engine.KernelVersion);
                Assert.Equal(info.GetProperty("OperatingSystem").GetString(), engine.OperatingSystem);
                Assert.Equal(info.GetProperty("OSType").GetString(), engine.OSType);
                Assert.Equal(info.GetProperty("Architecture").GetString(), engine.Architecture);
                Assert.Equal(info.GetProperty("NCPU").GetInt32(), engine.CpuCount);
                Assert.Equal(info.GetProperty("MemTotal").GetInt64(), engine.MemoryTotal);
                Assert.Equal(info.GetProperty("DockerRootDir").GetString(), engine.RootDirectory);
                Assert.Equal(info.GetProperty("DefaultRuntime").GetString(), engine.DefaultRuntime);
                Assert.Equal(info.GetProperty("Runtimes").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal), engine.Runtimes);
                Assert.Equal(info.GetProperty("SecurityOptions").EnumerateArray().Select(o => o.GetString()), engine.SecurityOptions);
                Assert.Equal(info.GetProperty("LiveRestoreEnabled").GetBoolean(), engine.LiveRestoreEnabled);
                Assert.Equal(info.GetProperty("ExperimentalBuild").GetBoolean(), engine.Experimental);
                Assert.Equal(info.GetProperty("IndexServerAddress").GetString(), engine.IndexServerAddress);
                Assert.Equal(info.GetProperty("Swarm").GetProperty("LocalNodeState").GetString(), engine.SwarmState);

                JsonElement registries = info.GetProperty("RegistryConfig");
                Assert.Equal(
                    registries.GetProperty("IndexConfigs").EnumerateObject().Where(p => !p.Value.GetProperty("Secure").GetBoolean()).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal)
                        .Concat(registries.GetProperty("InsecureRegistryCIDRs").EnumerateArray().Select(c => c.GetString()!)),
                    engine.InsecureRegistries);
                Assert.Contains("127.0.0.0/8", engine.InsecureRegistries);
                Assert.Equal(registries.GetProperty("Mirrors").EnumerateArray().Select(m => m.GetString()), engine.RegistryMirrors);

                // Counts move as other tests run; they are there and add up.
                Assert.Equal(engine.Containers, engine.ContainersRunning + engine.ContainersPaused + engine.ContainersStopped);
                Assert.InRange(engine.SystemTime!.Value, DateTime.Now.AddMinutes(-1), DateTime.Now.AddMinutes(1));
                Assert.False(string.IsNullOrEmpty(engine.GoVersion));
            }
            finally
            {
                Directory.Delete(config, recursive: true);
            }
        }
    }
}
