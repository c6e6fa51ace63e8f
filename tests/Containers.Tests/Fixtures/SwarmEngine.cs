using Containers.Engine;
using Containers.Engine.Transport;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The single-node swarm the swarm tests share: a private dockerd in a network namespace of its own
    /// (<see cref="Dockerd.StartIsolatedAsync"/>), host name <see cref="NodeName"/>, the test image imported, and a swarm
    /// initialized on its loopback. Started once per test run and removed when the test process exits. Services on it use
    /// the test image with the image not resolved at a registry (it is on the node already; nothing may reach Docker Hub).
    /// Tests that need an engine not in a swarm, or a swarm to break, start their own with
    /// <see cref="StartAsync(string, bool)"/>. (It links into tests/Containers.TestEngine, which has no Core: commands get
    /// the engine with <c>EngineDirectory.Get(swarm.Endpoint, null, null, "swarm", "parameter")</c>.)
    /// </summary>
    public sealed class SwarmEngine
    {
        private static readonly Lazy<Task<SwarmEngine>> Instance = new Lazy<Task<SwarmEngine>>(() => StartAsync("cte-swarm", initialize: true), LazyThreadSafetyMode.ExecutionAndPublication);

        private SwarmEngine(Dockerd dockerd, EngineClient client, string nodeName)
        {
            Dockerd = dockerd;
            Client = client;
            NodeName = nodeName;
        }

        public Dockerd Dockerd { get; }

        public EngineEndpoint Endpoint => Dockerd.Endpoint;

        /// <summary>A client shared by tests; make your own when a test needs one it can break or dispose.</summary>
        public EngineClient Client { get; }

        /// <summary>The node's host name, as swarm reports it (Description.Hostname).</summary>
        public string NodeName { get; }

        /// <summary>The swarm's listen and advertise address, inside the engine's namespace.</summary>
        public static string SwarmAddress => "127.0.0.1:2377";

        public string Image => TestImage.Reference;

        /// <summary>The shared single-node swarm.</summary>
        public static Task<SwarmEngine> GetAsync() => Instance.Value;

        /// <summary>
        /// Starts an isolated engine of the caller's own with the test image, in a swarm of one when
        /// <paramref name="initialize"/> (through the docker CLI, so the fixture does not depend on the module's swarm
        /// commands). The caller disposes <see cref="Dockerd"/> (and <see cref="Client"/>).
        /// </summary>
        public static async Task<SwarmEngine> StartAsync(string nodeName, bool initialize)
        {
            Dockerd dockerd = await Dockerd.StartIsolatedAsync(nodeName).ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => dockerd.RequestStop();
            var client = new EngineClient(dockerd.Endpoint);
            try
            {
                await TestImage.ImportAsync(client).ConfigureAwait(false);
                if (initialize)
                {
                    DockerCli.Run(dockerd.Endpoint, Path.Combine(dockerd.Directory, "cli-config"), "swarm", "init", "--advertise-addr", "127.0.0.1", "--listen-addr", SwarmAddress);
                }
            }
            catch
            {
                client.Dispose();
                dockerd.Dispose();
                throw;
            }

            return new SwarmEngine(dockerd, client, nodeName);
        }
    }
}
