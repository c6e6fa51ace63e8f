using System.Diagnostics;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// A second private engine beside <see cref="TestEngineProcess"/>'s (tests/Containers.TestEngine --no-registry: the test
    /// image imported, nothing else), for the tests that act on several engines at once. Started once per test run; it goes
    /// when this process ends and the tool's input closes. Tests reach it with -Engine and remove what they make on it.
    /// </summary>
    public sealed class SecondTestEngine
    {
        private static readonly Lazy<Task<SecondTestEngine>> Instance = new Lazy<Task<SecondTestEngine>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Process _process;

        private SecondTestEngine(Process process, IReadOnlyDictionary<string, string> settings)
        {
            _process = process;
            DockerHost = settings["DOCKER_HOST"];
        }

        /// <summary>unix:///tmp/cte/.../docker.sock</summary>
        public string DockerHost { get; }

        /// <summary>The engine's socket file, for a forwarder in front of it.</summary>
        public string SocketPath => new Uri(DockerHost).AbsolutePath;

        public static Task<SecondTestEngine> GetAsync() => Instance.Value;

        private static async Task<SecondTestEngine> StartAsync()
        {
            (Process process, IReadOnlyDictionary<string, string> settings) = await TestEngineTool.StartAsync("--no-registry").ConfigureAwait(false);
            var engine = new SecondTestEngine(process, settings);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => engine._process.StandardInput.Close();
            return engine;
        }
    }
}
