using System.Diagnostics;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// A single-node swarm (tests/Containers.TestEngine --swarm: the xunit suite's SwarmEngine, a dockerd in a network
    /// namespace of its own with the test image), started once per test run for the tests that drive a swarm; it goes
    /// when this process ends and the tool's input closes. Tests reach it with <c>-Engine</c> or
    /// <c>Connect-ContainerEngine -Uri</c>, never through the environment, and remove what they make on it themselves
    /// (a <see cref="ModuleSession"/> cleans up only its default engine). It has no registry: services use the test image
    /// with the image not resolved at a registry.
    /// </summary>
    public sealed class SwarmTestEngineProcess
    {
        private static readonly Lazy<Task<SwarmTestEngineProcess>> Instance = new Lazy<Task<SwarmTestEngineProcess>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Process _process;

        private SwarmTestEngineProcess(Process process, IReadOnlyDictionary<string, string> settings)
        {
            _process = process;
            DockerHost = settings["DOCKER_HOST"];
            Image = settings["CONTAINERS_TEST_IMAGE"];
            NodeName = settings["CONTAINERS_TEST_SWARM_NODE"];
            SwarmAddress = settings["CONTAINERS_TEST_SWARM_ADDRESS"];
        }

        /// <summary>unix:///tmp/cte/.../docker.sock</summary>
        public string DockerHost { get; }

        /// <summary>The test image, on the node already.</summary>
        public string Image { get; }

        /// <summary>The node's host name.</summary>
        public string NodeName { get; }

        /// <summary>The swarm's address inside the engine's namespace (127.0.0.1:2377).</summary>
        public string SwarmAddress { get; }

        public static Task<SwarmTestEngineProcess> GetAsync() => Instance.Value;

        private static async Task<SwarmTestEngineProcess> StartAsync()
        {
            (Process process, IReadOnlyDictionary<string, string> settings) = await TestEngineTool.StartAsync("--swarm").ConfigureAwait(false);
            var engine = new SwarmTestEngineProcess(process, settings);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => engine._process.StandardInput.Close();
            return engine;
        }
    }
}
