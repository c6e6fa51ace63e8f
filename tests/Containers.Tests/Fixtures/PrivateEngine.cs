using Containers.Engine;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.Models;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The engine most tests share: one private dockerd for the whole test run, with the test image imported, stopped
    /// and removed when the test process exits. Tests that change engine-wide state (TLS, daemon flags) start their own
    /// <see cref="Dockerd"/> instead.
    /// </summary>
    public sealed class PrivateEngine
    {
        private static readonly Lazy<Task<PrivateEngine>> Instance = new Lazy<Task<PrivateEngine>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        private PrivateEngine(Dockerd dockerd, EngineClient client)
        {
            Dockerd = dockerd;
            Client = client;
        }

        public Dockerd Dockerd { get; }

        public EngineEndpoint Endpoint => Dockerd.Endpoint;

        /// <summary>A client shared by tests; make your own when a test needs one it can break or dispose.</summary>
        public EngineClient Client { get; }

        public string Image => TestImage.Reference;

        /// <summary>The engine as the module's commands see it (what -Engine would hand them).</summary>
        public ContainerEngine Engine => EngineDirectory.Get(Endpoint, null, null, "test-engine", "parameter");

        public static Task<PrivateEngine> GetAsync() => Instance.Value;

        private static async Task<PrivateEngine> StartAsync()
        {
            Dockerd dockerd = await Dockerd.StartAsync().ConfigureAwait(false);
            // The watchdog also notices this process is gone; asking at exit just makes it prompt.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => dockerd.RequestStop();
            var client = new EngineClient(dockerd.Endpoint);
            try
            {
                await TestImage.ImportAsync(client).ConfigureAwait(false);
            }
            catch
            {
                client.Dispose();
                dockerd.Dispose();
                throw;
            }

            return new PrivateEngine(dockerd, client);
        }

        /// <summary>A container name no other test uses.</summary>
        public static string UniqueName(string prefix = "t") => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 10);
    }
}
