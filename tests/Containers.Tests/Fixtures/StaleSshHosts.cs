using System.Diagnostics;
using System.Globalization;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Tears down test SSH hosts: the network namespace's processes (sshd, and the engine provisioning started in it),
    /// the namespace, its veth pair and its folder. The host's own watchdog does this when the test process ends; this
    /// sweep, run before a new host starts, catches any whose watchdog was killed too.
    /// </summary>
    public static class StaleSshHosts
    {
        /// <summary>Every test host's namespace is named this plus its folder's name under <see cref="Dockerd.BaseDirectory"/>.</summary>
        public const string NamespacePrefix = "cte-";

        public const string FolderPrefix = "ssh";

        public static void CleanUp()
        {
            foreach (string name in ListNamespaces().Where(name => name.StartsWith(NamespacePrefix + FolderPrefix, StringComparison.Ordinal)))
            {
                string folder = Path.Combine(Dockerd.BaseDirectory, name.Substring(NamespacePrefix.Length));
                int owner = ReadPid(Path.Combine(folder, "owner.pid"));
                if (owner > 0 && (owner == Environment.ProcessId || Signals.IsAlive(owner)))
                {
                    continue; // a live run (this one or a parallel one) still uses it
                }

                TearDown(name, VethName(folder, hostSide: true), folder);
            }
        }

        /// <summary>The veth ends' names (at most 15 characters): from the folder's random part.</summary>
        public static string VethName(string folder, bool hostSide) => "cts" + Path.GetFileName(folder).Substring(FolderPrefix.Length) + (hostSide ? "h" : "n");

        public static void TearDown(string name, string veth, string folder)
        {
            var clock = Stopwatch.StartNew();
            foreach (int signal in new[] { Signals.Term, Signals.Kill })
            {
                foreach (int pid in ProcessesIn(name))
                {
                    Signals.Send(pid, signal);
                }

                while (ProcessesIn(name).Length > 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
                {
                    Thread.Sleep(100);
                }
            }

            Run("ip", "netns", "del", name);
            Run("ip", "link", "del", veth);
            StaleEngines.RemoveDirectory(folder);
        }

        private static string[] ListNamespaces() =>
            Run("ip", "netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0]).ToArray();

        private static int[] ProcessesIn(string name) =>
            Run("ip", "netns", "pids", name).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => int.TryParse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : 0)
                .Where(pid => pid > 0)
                .ToArray();

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

        /// <summary>Runs a program and returns its output, ignoring failures (a teardown step may find nothing to do).</summary>
        private static string Run(string program, params string[] arguments)
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process? process = Process.Start(start);
            if (process == null)
            {
                return string.Empty;
            }

            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(30_000);
            _ = error.Result;
            return output;
        }
    }
}
