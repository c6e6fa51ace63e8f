using System.Collections.Concurrent;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;

namespace Containers.Tests.Core.Commands.Volumes
{
    /// <summary>
    /// A base for tests of the volume commands: volumes it makes or is told of are removed after each test, once
    /// EngineTest has removed the test's containers, so none is still in use.
    /// </summary>
    public abstract class VolumeCommandTest : EngineTest, IDisposable
    {
        private readonly ConcurrentBag<string> _volumes = new ConcurrentBag<string>();

        /// <summary>A volume name no other test uses.</summary>
        protected static string NewName(string prefix = "vol") => PrivateEngine.UniqueName(prefix);

        /// <summary>Creates a volume (removed after the test).</summary>
        protected async Task<string> CreateVolumeAsync(string? name = null, Dictionary<string, string>? labels = null)
        {
            Volume made = await Client.Volumes.CreateAsync(new VolumeCreateRequest { Name = name ?? NewName(), Labels = labels });
            _volumes.Add(made.Name);
            return made.Name;
        }

        /// <summary>Registers a volume the command under test made, for removal after the test.</summary>
        protected void TrackVolume(string name) => _volumes.Add(name);

        /// <summary>Creates a container (not started) with <paramref name="volume"/> mounted at /data; removed after the test.</summary>
        protected async Task<string> CreateUserOfAsync(string volume)
        {
            ContainerCreateResponse created = await Client.Containers.CreateAsync(PrivateEngine.UniqueName("voluser"), new ContainerCreateRequest
            {
                Image = Image,
                Cmd = new List<string> { "true" },
                HostConfig = new HostConfig { Binds = new List<string> { volume + ":/data" } },
            });
            Track(created.Id);
            return created.Id;
        }

        protected async Task<bool> VolumeExistsAsync(string name)
        {
            try
            {
                await Client.Volumes.InspectAsync(name);
                return true;
            }
            catch (EngineNotFoundException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            foreach (string name in _volumes.Distinct(StringComparer.Ordinal))
            {
                EngineObjects.RemoveVolumeAsync(Client, name).GetAwaiter().GetResult();
            }
        }
    }
}
