using System.Diagnostics;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// The private engine and registry these tests share: tests/Containers.TestEngine, run as a process of its own (its
    /// fixtures load the engine client, which must not sit beside the module's copy in this process). Started once per
    /// test run; when this process ends its standard input closes and the tool removes both.
    /// </summary>
    /// <remarks>
    /// It also points the whole process at them: DOCKER_HOST names the engine, and DOCKER_CONFIG and
    /// CONTAINERS_HOST_STORE name folders of this run, so no test reads or writes the developer's own logins, contexts or
    /// hosts. Tests must not change these variables: runspaces in one process share them. A test that needs another engine
    /// passes -Engine or calls Connect-ContainerEngine, whose choice is per runspace.
    /// </remarks>
    public sealed class TestEngineProcess
    {
        private static readonly Lazy<Task<TestEngineProcess>> Instance = new Lazy<Task<TestEngineProcess>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Process _process;

        private TestEngineProcess(Process process, IReadOnlyDictionary<string, string> settings, string scratch)
        {
            _process = process;
            DockerHost = settings["DOCKER_HOST"];
            Image = settings["CONTAINERS_TEST_IMAGE"];
            Registry = settings["CONTAINERS_TEST_REGISTRY"];
            RegistryUser = settings["CONTAINERS_TEST_REGISTRY_USER"];
            RegistryPassword = settings["CONTAINERS_TEST_REGISTRY_PASSWORD"];
            Scratch = scratch;
        }

        /// <summary>unix:///tmp/cte/.../docker.sock</summary>
        public string DockerHost { get; }

        /// <summary>The busybox image on the engine, named under localhost/ so nothing can resolve it to Docker Hub.</summary>
        public string Image { get; }

        /// <summary>The registry as image references name it: 127.0.0.1:PORT, with htpasswd logins.</summary>
        public string Registry { get; }

        public string RegistryUser { get; }

        public string RegistryPassword { get; }

        /// <summary>This run's folder: DOCKER_CONFIG and the host store live under it.</summary>
        public string Scratch { get; }

        public static Task<TestEngineProcess> GetAsync() => Instance.Value;

        private static async Task<TestEngineProcess> StartAsync()
        {
            (Process process, IReadOnlyDictionary<string, string> settings) = await TestEngineTool.StartAsync().ConfigureAwait(false);
            string scratch = Path.Combine(Path.GetTempPath(), "cps-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path.Combine(scratch, "docker-config"));
            Environment.SetEnvironmentVariable("DOCKER_HOST", settings["DOCKER_HOST"]);
            Environment.SetEnvironmentVariable("DOCKER_CONFIG", Path.Combine(scratch, "docker-config"));
            Environment.SetEnvironmentVariable("CONTAINERS_HOST_STORE", Path.Combine(scratch, "hosts"));
            foreach (string inherited in new[] { "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_TLS", "DOCKER_CERT_PATH", "DOCKER_API_VERSION" })
            {
                Environment.SetEnvironmentVariable(inherited, null);
            }

            var engine = new TestEngineProcess(process, settings, scratch);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => engine.Stop();
            return engine;
        }

        private void Stop()
        {
            try
            {
                _process.StandardInput.Close();
                Directory.Delete(Scratch, recursive: true);
            }
            catch (IOException)
            {
                // The process is ending; the tool still sees its input close when it does.
            }
        }
    }
}
