using System.Globalization;
using Containers.Commands.Hosts;
using Containers.Engine.Configuration;
using Containers.Provisioning;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Local;
using Containers.Provisioning.Store;
using Containers.Tests.Engine;
using Containers.Tests.Fixtures;

namespace Containers.Tests.Provisioning.Drivers.Local
{
    /// <summary>
    /// A host store and a docker configuration folder of the test's own (never the user's), a Local driver that keeps
    /// away from this machine's networking (no bridge, no iptables), and, on dispose, every dockerd started for this
    /// store killed and its folders deleted.
    /// </summary>
    public sealed class LocalHostSandbox : IDisposable
    {
        public LocalHostSandbox()
        {
            Prerequisites.RequireRoot();
            Prerequisites.Require("dockerd");
            Temp = Path.Combine(Path.GetTempPath(), "containers-hostlocal-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Temp);
            Store = new HostStore(StoreRoot, new DockerContextMirror(new DockerConfigDirectory(DockerConfig)));
            Environment = new FakeEngineEnvironment(Temp);
            Environment[HostStoreLocation.Variable] = StoreRoot;
            Environment["DOCKER_CONFIG"] = DockerConfig;
        }

        public string Temp { get; }

        public string StoreRoot => Path.Combine(Temp, "store");

        public string DockerConfig => Path.Combine(Temp, "docker-config");

        public HostStore Store { get; }

        /// <summary>CONTAINERS_HOST_STORE and DOCKER_CONFIG pointing at this sandbox, for the engine selector.</summary>
        public FakeEngineEnvironment Environment { get; }

        public Func<string, IHostDriver> Drivers { get; set; } = name => name == HostDrivers.Local ? new LocalDockerdDriver { Isolated = true } : HostDriverFactory.Get(name);

        public HostCommandContext Context => new HostCommandContext(Store, Drivers);

        public LocalEngineLayout Layout(string name) => new LocalEngineLayout(Store, name);

        /// <summary>The pids of dockerds reading a configuration in this sandbox.</summary>
        public IReadOnlyList<int> EnginePids() =>
            Directory.GetDirectories("/proc")
                .Select(folder => int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : 0)
                .Where(pid => pid > 0 && CommandLine(pid).Contains(Temp, StringComparison.Ordinal) && CommandLine(pid).Contains("dockerd", StringComparison.Ordinal))
                .Where(Signals.IsAlive)
                .ToList();

        public void Dispose()
        {
            foreach (int pid in EnginePids())
            {
                Signals.Send(pid, Signals.Kill);
            }

            foreach (string name in SafeNames())
            {
                string run = Layout(name).RunFolder;
                Unmount(run);
                if (Directory.Exists(run))
                {
                    Directory.Delete(run, recursive: true);
                }
            }

            Unmount(Temp);
            if (Directory.Exists(Temp))
            {
                Directory.Delete(Temp, recursive: true);
            }
        }

        /// <summary>Names whose run folders the tests may have made, listed or not.</summary>
        public List<string> UsedNames { get; } = new List<string>();

        private IEnumerable<string> SafeNames() => UsedNames.Concat(Store.ListNames()).Distinct();

        private static string CommandLine(int pid)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                return string.Empty;
            }
        }

        private static void Unmount(string folder)
        {
            foreach (string point in File.ReadAllLines("/proc/self/mounts").Select(line => line.Split(' ')[1]).Where(p => p.StartsWith(folder + "/", StringComparison.Ordinal)).OrderByDescending(p => p.Length))
            {
                try
                {
                    Programs.Run("umount", new[] { "-l", point });
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }
    }
}
