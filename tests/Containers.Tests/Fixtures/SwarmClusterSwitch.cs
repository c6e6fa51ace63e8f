namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The switch of the test cluster (<see cref="SwarmClusterFixture"/>): a network namespace of its own holding a bridge, with
    /// one veth pair per node from the node's namespace to the bridge. Nothing of it lives in this machine's namespace, so
    /// node-to-node traffic never meets this machine's iptables (an engine here with iptables on sets FORWARD to DROP).
    /// It has a folder under <see cref="Dockerd.BaseDirectory"/> like an engine's, with an <c>owner.pid</c> and a
    /// <c>netns</c> file (<see cref="EngineNamespace.FileName"/>): the watchdog deletes the namespace, and with it the bridge
    /// and every veth pair, when the test process ends, and <see cref="StaleEngines"/> does after a crashed run.
    /// </summary>
    public sealed class SwarmClusterSwitch : IDisposable
    {
        private const string Bridge = "br0";

        private bool _disposed;

        private SwarmClusterSwitch(string directory, string networkNamespace)
        {
            Directory = directory;
            Namespace = networkNamespace;
        }

        public string Directory { get; }

        /// <summary>The namespace's name (under /run/netns).</summary>
        public string Namespace { get; }

        public static async Task<SwarmClusterSwitch> StartAsync()
        {
            Prerequisites.RequireRoot();
            string directory = Watchdog.CreateOwnedDirectory("switch");
            string name = "cte-" + Path.GetFileName(directory);
            Ip("netns", "add", name);
            File.WriteAllText(Path.Combine(directory, EngineNamespace.FileName), name);
            try
            {
                // The watchdog needs a process to watch and the switch has none of its own: a sleep stands in for it.
                await Watchdog.StartAsync(directory, "switch", Prerequisites.Require("sleep"), new[] { "infinity" }).ConfigureAwait(false);
            }
            catch
            {
                EngineNamespace.Delete(directory);
                StaleEngines.RemoveDirectory(directory);
                throw;
            }

            var fabric = new SwarmClusterSwitch(directory, name);
            try
            {
                Ip("-n", name, "link", "add", Bridge, "type", "bridge");
                Ip("-n", name, "link", "set", Bridge, "up");
            }
            catch
            {
                fabric.Dispose();
                throw;
            }

            return fabric;
        }

        /// <summary>
        /// Plugs the namespace <paramref name="nodeNamespace"/> into the bridge: a veth pair made across the two namespaces
        /// (never in this machine's), <c>eth0</c> on the node's side with <paramref name="addressWithPrefix"/>, the other
        /// end named <paramref name="port"/> on the bridge.
        /// </summary>
        public void Connect(string nodeNamespace, string port, string addressWithPrefix)
        {
            Ip("-n", Namespace, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", nodeNamespace);
            Ip("-n", Namespace, "link", "set", port, "master", Bridge, "up");
            Ip("-n", nodeNamespace, "addr", "add", addressWithPrefix, "dev", "eth0");
            Ip("-n", nodeNamespace, "link", "set", "eth0", "up");
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Watchdog.Stop(Directory);
        }

        private static void Ip(params string[] arguments) => Programs.Run(Prerequisites.Require("ip"), arguments);
    }
}
