using System.Diagnostics;
using System.Globalization;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Cleans up engines that earlier test runs left behind (a crashed or killed test process cannot run its own
    /// cleanup): any folder under the base directory whose owning test process is gone has its dockerd stopped and is removed.
    /// </summary>
    public static class StaleEngines
    {
        /// <summary>A folder made in the last minute may not have its owner.pid yet: a parallel run is still creating it.</summary>
        private static readonly TimeSpan CreationGrace = TimeSpan.FromMinutes(1);

        public static void CleanUp()
        {
            if (!Directory.Exists(Dockerd.BaseDirectory))
            {
                return;
            }

            foreach (string directory in Directory.GetDirectories(Dockerd.BaseDirectory))
            {
                try
                {
                    CleanUpIfOrphaned(directory);
                }
                catch (DirectoryNotFoundException)
                {
                    // Its watchdog, or a parallel run's clean-up, removed it meanwhile.
                }
            }
        }

        private static void CleanUpIfOrphaned(string directory)
        {
            string ownerFile = Path.Combine(directory, "owner.pid");
            if (!File.Exists(ownerFile) && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) < CreationGrace)
            {
                return;
            }

            int owner = ReadPid(ownerFile);
            if (owner == Environment.ProcessId || Signals.IsAlive(owner))
            {
                return; // a live run (this one or a parallel one) still uses it
            }

            int dockerd = ReadPid(Path.Combine(directory, "dockerd.pid"));
            if (dockerd > 0)
            {
                Stop(dockerd);
            }

            foreach (string pidFile in Directory.GetFiles(directory, "*.pid", SearchOption.TopDirectoryOnly).Where(file => !file.EndsWith("owner.pid", StringComparison.Ordinal)))
            {
                int pid = ReadPid(pidFile);
                if (pid > 0 && pid != dockerd)
                {
                    Stop(pid);
                }
            }

            EngineNamespace.Delete(directory);
            RemoveDirectory(directory);
        }

        /// <summary>SIGTERM, then SIGKILL after ten seconds.</summary>
        public static void Stop(int pid)
        {
            if (!Signals.IsAlive(pid))
            {
                return;
            }

            Signals.Send(pid, Signals.Term);
            var clock = Stopwatch.StartNew();
            while (Signals.IsAlive(pid) && !IsZombie(pid) && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(50);
            }

            if (Signals.IsAlive(pid) && !IsZombie(pid))
            {
                Signals.Send(pid, Signals.Kill);
            }
        }

        /// <summary>Removes a folder, unmounting anything a killed dockerd left mounted inside it first.</summary>
        public static void RemoveDirectory(string directory)
        {
            if (!Directory.Exists(directory))
            {
                return;
            }

            string full = Path.GetFullPath(directory).TrimEnd('/') + "/";
            foreach (string mount in File.ReadAllLines("/proc/self/mounts")
                         .Select(line => line.Split(' ')[1].Replace("\\040", " "))
                         .Where(point => point.StartsWith(full, StringComparison.Ordinal))
                         .OrderByDescending(point => point.Length))
            {
                RunIgnoringFailure("umount", "-l", mount);
            }

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                RunIgnoringFailure("rm", "-rf", directory);
            }
        }

        private static bool IsZombie(int pid)
        {
            try
            {
                string stat = File.ReadAllText($"/proc/{pid}/stat");
                int close = stat.LastIndexOf(')');
                return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
            }
            catch (IOException)
            {
                return false;
            }
        }

        private static int ReadPid(string file)
        {
            try
            {
                return int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : 0;
            }
            catch (IOException)
            {
                return 0;
            }
        }

        /// <summary>Runs a clean-up program and waits up to 30 s; its failure (a thing already gone) is no matter.</summary>
        public static void RunIgnoringFailure(string program, params string[] arguments)
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process? process = Process.Start(start);
            process?.WaitForExit(30_000);
        }
    }
}
