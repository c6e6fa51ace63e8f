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

        private readonly Process _process;
        private bool _disposed;

        private Dockerd(string directory, Process process)
        {
            Directory = directory;
            _process = process;
            Endpoint = EngineEndpoint.Parse("unix://" + SocketPath);
        }

        public string Directory { get; }

        public string SocketPath => Path.Combine(Directory, "docker.sock");

        public string LogPath => Path.Combine(Directory, "dockerd.log");

        public EngineEndpoint Endpoint { get; }

        public int ProcessId => _process.Id;

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

            var start = new ProcessStartInfo(dockerd)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // Keep dockerd from reading the developer's own settings.
            start.Environment.Remove("DOCKER_HOST");
            start.Environment["DOCKER_CONFIG"] = Path.Combine(directory, "config");

            var log = new StreamWriter(Path.Combine(directory, "dockerd.log")) { AutoFlush = true };
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => { lock (log) { if (e.Data != null) log.WriteLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (log) { if (e.Data != null) log.WriteLine(e.Data); } };
            process.Exited += (_, _) => { lock (log) { log.Dispose(); } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            File.WriteAllText(Path.Combine(directory, "dockerd.pid"), process.Id.ToString(CultureInfo.InvariantCulture));

            var engine = new Dockerd(directory, process);
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
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"dockerd exited with code {_process.ExitCode} while starting. Its log:\n{ReadLogTail()}");
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
            StaleEngines.Stop(_process.Id);
            StaleEngines.RemoveDirectory(Directory);
            _process.Dispose();
        }
    }
}
