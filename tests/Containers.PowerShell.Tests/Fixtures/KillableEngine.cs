using System.Diagnostics;
using System.Globalization;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// A private dockerd of one test's own (tests/Containers.TestEngine with <c>--no-registry</c>: the test image imported,
    /// nothing else), which the test kills with SIGKILL in the middle of a command: an engine that dies, as when the
    /// machine's engine crashes or is killed by the kernel. Disposing it ends the tool, whose watchdog removes the folder.
    /// </summary>
    public sealed class KillableEngine : IDisposable
    {
        private readonly Process _tool;
        private readonly int _dockerd;
        private int _killed;

        private KillableEngine(Process tool, IReadOnlyDictionary<string, string> settings)
        {
            _tool = tool;
            DockerHost = settings["DOCKER_HOST"];
            Directory = settings["CONTAINERS_TEST_DOCKERD_DIRECTORY"];
            _dockerd = int.Parse(settings["CONTAINERS_TEST_DOCKERD_PID"], CultureInfo.InvariantCulture);
        }

        /// <summary>unix:///tmp/cte/.../docker.sock, for -Engine.</summary>
        public string DockerHost { get; }

        public string Directory { get; }

        /// <summary>Whether <see cref="Kill"/> was called: a test whose trigger never fired proves nothing.</summary>
        public bool Killed => Volatile.Read(ref _killed) != 0;

        public static async Task<KillableEngine> StartAsync()
        {
            (Process tool, IReadOnlyDictionary<string, string> settings) = await TestEngineTool.StartAsync("--no-registry").ConfigureAwait(false);
            return new KillableEngine(tool, settings);
        }

        /// <summary>
        /// SIGKILL to dockerd: no clean shutdown, connections simply close. Its containerd dies with it; the containers'
        /// shims outlive both, so they and the containers they run are killed too, or they would run on after the test.
        /// </summary>
        public void Kill()
        {
            if (Interlocked.Exchange(ref _killed, 1) != 0)
            {
                return;
            }

            KillProcess(_dockerd);
            foreach (int shim in ContainerdProcessesOf(Directory))
            {
                foreach (int child in ChildrenOf(shim))
                {
                    KillProcess(child);
                }

                KillProcess(shim);
            }
        }

        private static void KillProcess(int pid)
        {
            try
            {
                using Process process = Process.GetProcessById(pid);
                process.Kill(); // SIGKILL on Linux
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
            {
                // Gone already.
            }
        }

        /// <summary>containerd and its shims started for this engine (their command lines name its folder); not its watchdog, which cleans up.</summary>
        private static IEnumerable<int> ContainerdProcessesOf(string directory) =>
            Pids().Where(pid => Read("/proc/" + pid + "/comm").StartsWith("containerd", StringComparison.Ordinal)
                && Read("/proc/" + pid + "/cmdline").Replace('\0', ' ').Contains(directory + "/", StringComparison.Ordinal)).ToList();

        private static IEnumerable<int> ChildrenOf(int parent) =>
            Pids().Where(pid =>
            {
                // /proc/PID/stat: "pid (name) state ppid ..."; the name may hold spaces, so read after its closing parenthesis.
                string stat = Read("/proc/" + pid + "/stat");
                string[] fields = stat.Substring(stat.LastIndexOf(')') + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 1 && fields[1] == parent.ToString(CultureInfo.InvariantCulture);
            }).ToList();

        private static IEnumerable<int> Pids() =>
            System.IO.Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(name => name!.All(char.IsDigit)).Select(name => int.Parse(name!, CultureInfo.InvariantCulture));

        private static string Read(string file)
        {
            try
            {
                return File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return ")"; // the process ended meanwhile
            }
        }

        public void Dispose()
        {
            Kill();
            _tool.StandardInput.Close();
            if (!_tool.WaitForExit(60_000))
            {
                _tool.Kill();
            }

            _tool.Dispose();
        }
    }
}
