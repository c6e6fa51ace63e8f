using System.Diagnostics;
using System.Globalization;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Starts a server the tests need (dockerd, the registry) under a watchdog shell in its own session, so it outlives
    /// the test host: when the test process exits, or a file named <c>stop</c> appears in the server's folder, the
    /// watchdog stops the server (TERM, then KILL after 15 s), ends the containerd shims a dockerd killed that way leaves
    /// behind (and the containers they run), unmounts what it left, deletes its network namespace if it has one
    /// (<see cref="EngineNamespace"/>) and removes the folder. vstest gives
    /// ProcessExit handlers too little time to do that themselves.
    /// </summary>
    public static class Watchdog
    {
        private const string Script = @"
dir=$1; owner=$2; name=$3; shift 3
""$@"" >""$dir/$name.log"" 2>&1 </dev/null &
d=$!
echo $d >""$dir/$name.pid""
while kill -0 ""$owner"" 2>/dev/null && [ -d ""/proc/$d"" ] && ! grep -q '^State:.*Z' ""/proc/$d/status"" 2>/dev/null && [ ! -e ""$dir/stop"" ]; do sleep 0.2; done
kill -TERM ""$d"" 2>/dev/null
i=0
while [ $i -lt 150 ] && [ -d ""/proc/$d"" ] && ! grep -q '^State:.*Z' ""/proc/$d/status"" 2>/dev/null; do sleep 0.1; i=$((i+1)); done
kill -KILL ""$d"" 2>/dev/null
wait ""$d"" 2>/dev/null
for s in $(pgrep -f ""containerd-shim.* -address $dir/""); do pkill -KILL -P ""$s""; kill -KILL ""$s""; done 2>/dev/null
awk '{print $2}' /proc/mounts | grep ""^$dir/"" | sort -r | while read -r m; do umount -l ""$m""; done
[ -f ""$dir/netns"" ] && ip netns del ""$(cat ""$dir/netns"")"" 2>/dev/null
rm -rf ""$dir""
";

        /// <summary>
        /// A new folder under <see cref="Dockerd.BaseDirectory"/> for one server, marked at once as this process's, so that
        /// a parallel run cleaning up after crashed ones (<see cref="StaleEngines"/>) leaves it alone.
        /// </summary>
        public static string CreateOwnedDirectory(string prefix)
        {
            StaleEngines.CleanUp();
            Directory.CreateDirectory(Dockerd.BaseDirectory);
            string directory = Path.Combine(Dockerd.BaseDirectory, prefix + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            return directory;
        }

        /// <summary>
        /// Starts <paramref name="program"/> with its output in <c>NAME.log</c> and its pid in <c>NAME.pid</c> inside
        /// <paramref name="directory"/> (made by <see cref="CreateOwnedDirectory"/>), and returns the pid.
        /// </summary>
        public static async Task<int> StartAsync(string directory, string name, string program, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
        {
            var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
            foreach (string argument in new[] { "sh", "-c", Script, "watchdog", directory, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), name, program })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            Programs.SetEnvironment(start, environment);

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start setsid: " + Prerequisites.InstallHint);
            return await ReadPidAsync(Path.Combine(directory, name + ".pid"), name).ConfigureAwait(false);
        }

        /// <summary>Asks the watchdog of the server in <paramref name="directory"/> to stop it and remove the folder, without waiting.</summary>
        public static void RequestStop(string directory)
        {
            try
            {
                File.WriteAllText(Path.Combine(directory, "stop"), string.Empty);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Already gone.
            }
        }

        /// <summary>Stops the server and waits (up to 30 s) until its folder is gone.</summary>
        public static void Stop(string directory)
        {
            RequestStop(directory);
            var clock = Stopwatch.StartNew();
            while (Directory.Exists(directory) && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                System.Threading.Thread.Sleep(100);
            }
        }

        /// <summary>The last lines of the server's log, for failure messages.</summary>
        public static string ReadLogTail(string directory, string name, int lines = 40)
        {
            try
            {
                using var stream = new FileStream(Path.Combine(directory, name + ".log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                return string.Join("\n", reader.ReadToEnd().Split('\n').TakeLast(lines));
            }
            catch (IOException e)
            {
                return "(no log: " + e.Message + ")";
            }
        }

        private static async Task<int> ReadPidAsync(string file, string name)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
                {
                    return pid;
                }

                await Task.Delay(20).ConfigureAwait(false);
            }

            throw new InvalidOperationException($"The watchdog did not start {name} within 10 s.");
        }
    }
}
