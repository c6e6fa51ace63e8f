using Containers.Engine;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;

namespace Containers.Bench
{
    /// <summary>
    /// The private dockerd every measurement talks to, with the three ways of talking to it: our client, a bare socket,
    /// and the docker CLI. All three reach the same engine through the same unix socket.
    /// </summary>
    internal sealed class BenchEngine : IDisposable
    {
        private BenchEngine(Dockerd dockerd, EngineClient client, BareHttpConnection bare, BareHttpConnection bareAsync, DockerCli cli, string versionPrefix)
        {
            BareAsync = bareAsync;
            Dockerd = dockerd;
            Client = client;
            Bare = bare;
            Cli = cli;
            VersionPrefix = versionPrefix;
        }

        public Dockerd Dockerd { get; }

        public EngineClient Client { get; }

        /// <summary>One connection, opened once and kept: the bare round trips pay no connect.</summary>
        public BareHttpConnection Bare { get; }

        /// <summary>The same, through .NET's async socket calls: the floor for any async .NET client.</summary>
        public BareHttpConnection BareAsync { get; }

        public DockerCli Cli { get; }

        /// <summary>
        /// A folder for what benchmarks make on disk (build contexts), inside the engine's own folder, so the watchdog
        /// removes it with the engine, even when this program is killed.
        /// </summary>
        public string WorkDirectory => Path.Combine(Dockerd.Directory, "work");

        /// <summary>"/v1.41" for dockerd 20.10: what our client negotiated, used by the bare requests too.</summary>
        public string VersionPrefix { get; }

        public static async Task<BenchEngine> StartAsync()
        {
            Dockerd dockerd = await Dockerd.StartAsync();
            try
            {
                MountScratchInMemory(dockerd);
                var client = new EngineClient(dockerd.Endpoint);
                await TestImage.ImportAsync(client);
                Version version = await client.GetApiVersionAsync();
                var bare = new BareHttpConnection(dockerd.SocketPath, asynchronous: false);
                var bareAsync = new BareHttpConnection(dockerd.SocketPath, asynchronous: true);
                var cli = new DockerCli(dockerd.SocketPath, Path.Combine(dockerd.Directory, "cli-config"));
                return new BenchEngine(dockerd, client, bare, bareAsync, cli, $"/v{version.Major}.{version.Minor}");
            }
            catch
            {
                dockerd.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Puts the engine's scratch folder (its TMPDIR, <c>DATA-ROOT/tmp</c>: where a build context is unpacked and a
        /// pulled layer is downloaded before it is extracted) on a tmpfs mounted over it. On this machine's ext4, which
        /// has no journal, creating files right after many were deleted is slow and erratic (ext4 skips inodes deleted in
        /// the last minute, see bench/README.md): unpacking the same 20,000-file context took 3 to 9 s depending on what
        /// the previous round had removed, which drowned the clients' difference. The image layers stay on disk. The
        /// watchdog unmounts it with the engine.
        /// </summary>
        private static void MountScratchInMemory(Dockerd dockerd)
        {
            string scratch = Path.Combine(dockerd.Directory, "data", "tmp");
            Directory.CreateDirectory(scratch);
            Programs.Run("mount", new[] { "-t", "tmpfs", "-o", "size=4g,mode=0700", "tmpfs", scratch });
        }

        /// <summary>Creates (does not start) a container of the test image running <paramref name="command"/>.</summary>
        public async Task<string> CreateAsync(params string[] command)
        {
            var request = new ContainerCreateRequest { Image = TestImage.Reference, Cmd = new List<string>(command) };
            ContainerCreateResponse created = await Client.Containers.CreateAsync(null, request);
            return string.IsNullOrEmpty(created.Id) ? throw new InvalidOperationException("The engine created a container without an id.") : created.Id;
        }

        /// <summary>Creates a container, starts it and waits for it to exit, so its logs are complete.</summary>
        public async Task<string> RunToExitAsync(params string[] command)
        {
            string id = await CreateAsync(command);
            Task<ContainerWaitResponse> exited = await Client.Containers.BeginWaitAsync(id, "next-exit");
            await Client.Containers.StartAsync(id);
            ContainerWaitResponse wait = await exited;
            if (wait.StatusCode != 0)
            {
                throw new InvalidOperationException($"{string.Join(' ', command)} exited with {wait.StatusCode}.");
            }

            return id;
        }

        /// <summary>
        /// Writes dirty pages out (sync), between operations that write hundreds of MiB (pulls, builds): otherwise the
        /// kernel's write-back of one run's files falls on the next run, whichever it is.
        /// </summary>
        public static void SyncDisks() => Programs.Run("sync", Array.Empty<string>());

        public void Dispose()
        {
            Bare.Dispose();
            BareAsync.Dispose();
            Client.Dispose();
            Dockerd.Dispose();
        }
    }
}
