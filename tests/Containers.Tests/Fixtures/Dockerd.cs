using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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

        private const string WatchdogScript = @"
dir=$1; owner=$2; shift 2
""$@"" >""$dir/dockerd.log"" 2>&1 </dev/null &
d=$!
echo $d >""$dir/dockerd.pid""
while kill -0 ""$owner"" 2>/dev/null && [ -d ""/proc/$d"" ] && ! grep -q '^State:.*Z' ""/proc/$d/status"" 2>/dev/null && [ ! -e ""$dir/stop"" ]; do sleep 0.2; done
kill -TERM ""$d"" 2>/dev/null
i=0
while [ $i -lt 150 ] && [ -d ""/proc/$d"" ] && ! grep -q '^State:.*Z' ""/proc/$d/status"" 2>/dev/null; do sleep 0.1; i=$((i+1)); done
kill -KILL ""$d"" 2>/dev/null
wait ""$d"" 2>/dev/null
awk '{print $2}' /proc/mounts | grep ""^$dir/"" | sort -r | while read -r m; do umount -l ""$m""; done
rm -rf ""$dir""
";

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
        public static async Task<Dockerd> StartAsync(IEnumerable<string>? extraArguments = null)
        {
            Prerequisites.RequireRoot();
            string dockerd = Prerequisites.Require("dockerd");
            StaleEngines.CleanUp();

            System.IO.Directory.CreateDirectory(BaseDirectory);
            string directory = Path.Combine(BaseDirectory, Guid.NewGuid().ToString("N").Substring(0, 8));
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
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

            // A watchdog shell owns dockerd, in its own session so it outlives the test host: when this process exits
            // (or Dispose asks), it stops dockerd, unmounts what is left and removes the folder. vstest gives
            // ProcessExit handlers too little time to do that themselves.
            var start = new ProcessStartInfo("setsid")
            {
                RedirectStandardOutput = false,
                RedirectStandardError = false,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "sh", "-c", WatchdogScript, "watchdog", directory, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), dockerd })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // Keep dockerd from reading the developer's own settings.
            start.Environment.Remove("DOCKER_HOST");
            start.Environment["DOCKER_CONFIG"] = Path.Combine(directory, "config");

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start setsid: " + Prerequisites.InstallHint);
            int pid = await ReadDockerdPidAsync(directory).ConfigureAwait(false);

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

        private static async Task<int> ReadDockerdPidAsync(string directory)
        {
            string file = Path.Combine(directory, "dockerd.pid");
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
                {
                    return pid;
                }

                await Task.Delay(20).ConfigureAwait(false);
            }

            throw new InvalidOperationException("The watchdog did not start dockerd within 10 s.");
        }

        public string ReadLogTail(int lines = 40)
        {
            try
            {
                using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                return string.Join("\n", reader.ReadToEnd().Split('\n').TakeLast(lines));
            }
            catch (IOException e)
            {
                return "(no log: " + e.Message + ")";
            }
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            RequestStop();
            var clock = Stopwatch.StartNew();
            while (System.IO.Directory.Exists(Directory) && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(100);
            }
        }

        /// <summary>Asks the watchdog to stop dockerd and remove the folder, without waiting.</summary>
        public void RequestStop()
        {
            try
            {
                File.WriteAllText(Path.Combine(Directory, "stop"), string.Empty);
            }
            catch (IOException)
            {
                // Already gone.
            }
            catch (UnauthorizedAccessException)
            {
                // Already gone.
            }
        }
    }
}
