using System.Diagnostics;
using System.Globalization;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Three engines that can form a real swarm: isolated dockerds (<see cref="Dockerd.StartIsolatedAsync"/>, host names
    /// cte-node1..3) started one at a time, each with the test image, joined by a bridge in a namespace of its own
    /// (<see cref="SwarmClusterSwitch"/>), node N at 10.233.0.N/24. The addresses live only inside the cluster's
    /// namespaces (10.233.0.0/16 is the cluster's; the SSH hosts use 10.232, the network tests 10.231), so parallel runs
    /// do not clash and no traffic touches this machine's namespace. The fixture does not form the swarm: the tests do,
    /// and leave none behind (<see cref="LeaveSwarm"/>), so they run one after another in the <see cref="Collection"/>
    /// collection. Started once per test run; the watchdogs remove the engines, their namespaces and the switch when the
    /// test process ends, and <see cref="StaleEngines"/> after a crashed run.
    /// </summary>
    public sealed class SwarmClusterFixture : IDisposable
    {
        /// <summary>The xunit collection of the tests that use the cluster: they take turns with it.</summary>
        public const string Collection = "Swarm cluster";

        public const int NodeCount = 3;

        private static readonly Lazy<Task<SwarmClusterFixture>> Instance = new Lazy<Task<SwarmClusterFixture>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly SwarmClusterSwitch _switch;

        private SwarmClusterFixture(SwarmClusterSwitch fabric, IReadOnlyList<SwarmClusterNode> nodes, TimeSpan startTime)
        {
            _switch = fabric;
            Nodes = nodes;
            StartTime = startTime;
        }

        /// <summary>The nodes, cte-node1 first.</summary>
        public IReadOnlyList<SwarmClusterNode> Nodes { get; }

        /// <summary>How long starting the cluster took.</summary>
        public TimeSpan StartTime { get; }

        /// <summary>
        /// The test image, imported on every node at start: services use it with the image not resolved at a registry
        /// (its name must never reach Docker Hub).
        /// </summary>
        public string Image => TestImage.Reference;

        /// <summary>The cluster the test run shares.</summary>
        public static Task<SwarmClusterFixture> GetAsync() => Instance.Value;

        /// <summary>Starts a cluster of the caller's own, who disposes it.</summary>
        public static async Task<SwarmClusterFixture> StartAsync()
        {
            var clock = Stopwatch.StartNew();
            SwarmClusterSwitch fabric = await SwarmClusterSwitch.StartAsync().ConfigureAwait(false);
            var nodes = new List<SwarmClusterNode>();
            try
            {
                // One at a time: three dockerds starting at once on a loaded 2-core machine time out.
                for (int number = 1; number <= NodeCount; number++)
                {
                    nodes.Add(await StartNodeAsync(fabric, number).ConfigureAwait(false));
                }
            }
            catch
            {
                Stop(fabric, nodes);
                throw;
            }

            return new SwarmClusterFixture(fabric, nodes, clock.Elapsed);
        }

        /// <summary>
        /// Takes every node out of whatever swarm it is in (workers first, then managers, with --force), so the next test
        /// finds three engines not in a swarm.
        /// </summary>
        public void LeaveSwarm()
        {
            foreach (SwarmClusterNode node in Nodes.Reverse())
            {
                if (node.Docker("info", "--format", "{{.Swarm.LocalNodeState}}").Trim() != "inactive")
                {
                    node.Docker("swarm", "leave", "--force");
                }
            }
        }

        public void Dispose() => Stop(_switch, Nodes);

        private static async Task<SwarmClusterNode> StartNodeAsync(SwarmClusterSwitch fabric, int number)
        {
            string suffix = number.ToString(CultureInfo.InvariantCulture);
            Dockerd dockerd = await Dockerd.StartIsolatedAsync("cte-node" + suffix).ConfigureAwait(false);
            var node = new SwarmClusterNode(dockerd, "cte-node" + suffix, "10.233.0." + suffix);
            try
            {
                string nodeNamespace = File.ReadAllText(Path.Combine(dockerd.Directory, EngineNamespace.FileName)).Trim();
                fabric.Connect(nodeNamespace, "node" + suffix, node.Address + "/24");
                await TestImage.ImportAsync(node.Client).ConfigureAwait(false);
            }
            catch
            {
                node.Client.Dispose();
                dockerd.Dispose();
                throw;
            }

            return node;
        }

        private static void Stop(SwarmClusterSwitch fabric, IEnumerable<SwarmClusterNode> nodes)
        {
            // Side by side: each waits up to 15 s for its dockerd to stop. (One stop request per folder: a second one
            // written while the watchdog removes the folder would leave the folder behind.)
            Parallel.ForEach(nodes, node =>
            {
                node.Client.Dispose();
                node.Dockerd.Dispose();
            });

            fabric.Dispose();
        }
    }
}
