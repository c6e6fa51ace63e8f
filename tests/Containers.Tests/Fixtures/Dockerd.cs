using System.Diagnostics;
using Containers.Engine;
using Containers.Engine.Transport;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A dockerd of the tests' own: its own data root, exec root, socket, pid file and (empty) config file, no bridge and
    /// no iptables, so it touches nothing of this machine's engine and several can run at once.
    /// Each lives in a folder under <see cref="BaseDirectory"/> that also records which test process owns it, so a
    /// later run can clean up after one that crashed.
    /// </summary>
    public sealed class Dockerd : IDisposable
    {
        /// <summary>Short, because unix socket paths (containerd's among them) must stay under 104 bytes.</summary>
        public const string BaseDirectory = "/tmp/cte";

        private readonly int _pid;
        private bool _disposed;

        private Dockerd(string directory, int pid)
        {
            Directory = directory;
            _pid = pid;
            Endpoint = EngineEndpoint.Parse("unix://" + SocketPath);
        }

        public string Directory { get; }

        public string SocketPath => Path.Combine(Directory, "docker.sock");

        public string LogPath => Path.Combine(Directory, "dockerd.log");

        public EngineEndpoint Endpoint { get; }

        public int ProcessId => _pid;

        /// <summary>Starts an engine and waits until it answers a ping.</summary>
        /// <param name="extraArguments">More dockerd flags, for example <c>--tlsverify</c> and a tcp listener.</param>
        public static Task<Dockerd> StartAsync(IEnumerable<string>? extraArguments = null) => StartAsync(extraArguments, null);

        /// <summary>
        /// Starts an engine in a network namespace of its own (<see cref="EngineNamespace"/>) whose only interface is its
        /// loopback, with <paramref name="hostName"/> as its host name: what an engine in swarm mode needs, because the
        /// docker_gwbridge bridge, the swarm ports (2377, 7946, 4789) and the node's name would otherwise be shared with
        /// every other engine on this machine. Its socket is still a file here, so tests reach it as any other.
        /// </summary>
        public static Task<Dockerd> StartIsolatedAsync(string hostName, IEnumerable<string>? extraArguments = null) =>
            StartAsync(extraArguments, hostName);

        private static async Task<Dockerd> StartAsync(IEnumerable<string>? extraArguments, string? isolatedHostName)
        {
            Prerequisites.RequireRoot();
            string dockerd = Prerequisites.Require("dockerd");
            string directory = Watchdog.CreateOwnedDirectory(string.Empty);
            File.WriteAllText(Path.Combine(directory, "daemon.json"), "{}");

            var arguments = new List<string>
            {
                "--data-root", Path.Combine(directory, "data"),
                "--exec-root", Path.Combine(directory, "exec"),
                "--pidfile", Path.Combine(directory, "docker.pid"),
                "--config-file", Path.Combine(directory, "daemon.json"),
                "-H", "unix://" + Path.Combine(directory, "docker.sock"),
                "--bridge", "none",
                "--iptables=false",
                "--ip6tables=false",
                "--ip-masq=false",
            };
            arguments.AddRange(extraArguments ?? Array.Empty<string>());

            string program = dockerd;
            if (isolatedHostName != null)
            {
                (program, arguments) = EngineNamespace.Wrap(directory, isolatedHostName, dockerd, arguments);
            }

            // Keep dockerd from reading the developer's own settings.
            int pid = await Watchdog.StartAsync(directory, "dockerd", program, arguments, new Dictionary<string, string?>
            {
                ["DOCKER_HOST"] = null,
                ["DOCKER_CONFIG"] = Path.Combine(directory, "config"),
            }).ConfigureAwait(false);

            var engine = new Dockerd(directory, pid);
            try
            {
                await engine.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            }
            catch
            {
                engine.Dispose();
                throw;
            }

            return engine;
        }

        private async Task WaitUntilReadyAsync(TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            using var client = new EngineClient(Endpoint);
            Exception? last = null;
            while (clock.Elapsed < limit)
            {
                if (!Signals.IsAlive(_pid) || !System.IO.Directory.Exists(Directory))
                {
                    throw new InvalidOperationException($"dockerd exited while starting. Its log:\n{ReadLogTail()}");
                }

                if (File.Exists(SocketPath))
                {
                    try
                    {
                        await client.System.PingAsync().ConfigureAwait(false);
                        return;
                    }
                    catch (Exception e)
                    {
                        last = e;
                    }
                }

                await Task.Delay(100).ConfigureAwait(false);
            }

            throw new TimeoutException($"dockerd did not answer within {limit.TotalSeconds:0} s ({last?.Message}). Its log:\n{ReadLogTail()}");
        }

        public string ReadLogTail(int lines = 40) => Watchdog.ReadLogTail(Directory, "dockerd", lines);

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Watchdog.Stop(Directory);
        }

        /// <summary>Asks the watchdog to stop dockerd and remove the folder, without waiting.</summary>
        public void RequestStop() => Watchdog.RequestStop(Directory);
    }
}
