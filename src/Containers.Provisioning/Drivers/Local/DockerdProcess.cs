using System.Diagnostics;
using System.Globalization;
using Containers.Engine.Processes;

namespace Containers.Provisioning.Drivers.Local
{
    /// <summary>
    /// A Local host's dockerd as a process: started detached (its own session, output to a log file in the host's
    /// folder, no pipe back to PowerShell), so it outlives the PowerShell session that started it; found again through
    /// its pid file; stopped with SIGTERM, then SIGKILL.
    /// </summary>
    internal sealed class DockerdProcess
    {
        /// <summary>dockerd gives containers 15 s to stop before it kills them, then unmounts; this leaves it time for both.</summary>
        public static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

        private static readonly string[] ProgramFolders = { "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin" };

        private readonly LocalEngineLayout _layout;

        public DockerdProcess(LocalEngineLayout layout)
        {
            _layout = layout;
        }

        /// <summary>dockerd on the PATH, or in the usual folders (a PowerShell session's PATH may lack the sbin ones).</summary>
        public static string? FindProgram() =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Where(folder => folder.Length > 0)
                .Concat(ProgramFolders)
                .Select(folder => Path.Combine(folder, "dockerd"))
                .FirstOrDefault(File.Exists);

        /// <summary>The running dockerd's pid from the pid file, when that process is alive and is this host's dockerd; else null.</summary>
        public int? RunningPid()
        {
            int pid;
            try
            {
                if (!File.Exists(_layout.PidFile) || !int.TryParse(File.ReadAllText(_layout.PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out pid))
                {
                    return null;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }

            // A pid can be reused after a crash: only a dockerd reading this host's configuration counts.
            return PosixProcesses.IsAlive(pid) && PosixProcesses.CommandLine(pid).IndexOf(_layout.ConfigFile, StringComparison.Ordinal) >= 0 ? pid : (int?)null;
        }

        /// <summary>Starts dockerd detached with the configuration already written; returns its pid at once.</summary>
        public int Start(string program)
        {
            // setsid gives dockerd its own session (no terminal, no hang-up when PowerShell exits); sh sends its output to
            // the log and closes stdin, then execs it, so the pid Process reports is dockerd's.
            var start = new ProcessStartInfo("setsid")
            {
                UseShellExecute = false,
                Arguments = CommandLineQuoting.Join(new[]
                {
                    "sh", "-c", "log=$1; shift; exec \"$@\" >>\"$log\" 2>&1 </dev/null", "dockerd-launcher",
                    _layout.LogFile, program, "--config-file", _layout.ConfigFile,
                }),
            };
            start.Environment.Remove("DOCKER_HOST");
            start.Environment.Remove("DOCKER_CONTEXT");
            start.Environment.Remove("DOCKER_CONFIG");
            start.Environment.Remove("DOCKER_TLS_VERIFY");
            start.Environment.Remove("DOCKER_CERT_PATH");
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("setsid did not start.");
            return process.Id;
        }

        /// <summary>SIGTERM, up to <see cref="StopLimit"/> for dockerd to stop its containers and itself, then SIGKILL. True when it had to be killed.</summary>
        public async Task<bool> StopAsync(int pid, CancellationToken cancellationToken)
        {
            PosixProcesses.Signal(pid, PosixProcesses.SigTerm);
            if (await WaitForExitAsync(pid, StopLimit, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            PosixProcesses.Signal(pid, PosixProcesses.SigKill);
            await WaitForExitAsync(pid, TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            return true;
        }

        public string ReadLogTail(int lines = 15)
        {
            try
            {
                using var stream = new FileStream(_layout.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                string[] all = reader.ReadToEnd().Split('\n').Where(line => line.Trim().Length > 0).ToArray();
                return string.Join("\n", all.Skip(Math.Max(0, all.Length - lines)));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return "(no log: " + e.Message + ")";
            }
        }

        private static async Task<bool> WaitForExitAsync(int pid, TimeSpan limit, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            while (PosixProcesses.IsAlive(pid))
            {
                if (clock.Elapsed > limit)
                {
                    return false;
                }

                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
    }
}
