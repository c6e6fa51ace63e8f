using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Containers.Provisioning.Drivers.Local
{
    /// <summary>
    /// The few POSIX calls the Local driver needs on Linux and netstandard2.0 lacks: signals (Process.Kill sends only
    /// SIGKILL, and dockerd deserves a SIGTERM to stop its containers and unmount), the effective user, and detaching
    /// mounts a killed engine left behind before its folders are deleted (deleting through a mount would delete what
    /// is mounted).
    /// </summary>
    internal static class PosixProcesses
    {
        public const int SigTerm = 15;
        public const int SigKill = 9;

        private const int MntDetach = 2;

        public static bool IsRoot => geteuid() == 0;

        public static bool Signal(int pid, int signal) => pid > 0 && kill(pid, signal) == 0;

        /// <summary>True when the process exists and is not a zombie (one that exited but was not yet reaped).</summary>
        public static bool IsAlive(int pid)
        {
            if (pid <= 0 || kill(pid, 0) != 0)
            {
                return false;
            }

            try
            {
                string stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
                // "pid (comm) S ...": the state follows the last ')', since comm may hold spaces and parentheses.
                int end = stat.LastIndexOf(')');
                return end < 0 || end + 2 >= stat.Length || stat[end + 2] != 'Z';
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>The process's command line, arguments separated by spaces; empty when it cannot be read.</summary>
        public static string CommandLine(int pid)
        {
            try
            {
                byte[] raw = File.ReadAllBytes($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
                return Encoding.UTF8.GetString(raw).Replace('\0', ' ').Trim();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return string.Empty;
            }
        }

        /// <summary>Whether a process with this program name (as /proc/PID/comm has it) runs, other than <paramref name="except"/>.</summary>
        public static bool AnyRunning(string program, ICollection<int> except)
        {
            try
            {
                foreach (string folder in Directory.GetDirectories("/proc"))
                {
                    if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || except.Contains(pid))
                    {
                        continue;
                    }

                    try
                    {
                        if (File.ReadAllText(Path.Combine(folder, "comm")).Trim() == program)
                        {
                            return true;
                        }
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                        // Gone meanwhile.
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }

            return false;
        }

        /// <summary>Detaches every mount at or below the folders, deepest first; returns what could not be detached.</summary>
        public static IReadOnlyList<string> DetachMountsUnder(params string[] folders)
        {
            var failed = new List<string>();
            List<string> mounts;
            try
            {
                mounts = File.ReadAllLines("/proc/self/mounts")
                    .Select(line => line.Split(' '))
                    .Where(fields => fields.Length > 1)
                    .Select(fields => Unescape(fields[1]))
                    .Where(point => folders.Any(folder => point == folder || point.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal)))
                    .Distinct()
                    .OrderByDescending(point => point.Length)
                    .ToList();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return failed;
            }

            foreach (string point in mounts)
            {
                if (umount2(point, MntDetach) != 0)
                {
                    failed.Add(point);
                }
            }

            return failed;
        }

        /// <summary>/proc/mounts writes space, tab, newline and backslash in paths as octal escapes (\040).</summary>
        private static string Unescape(string field)
        {
            var text = new StringBuilder(field.Length);
            for (int i = 0; i < field.Length; i++)
            {
                if (field[i] == '\\' && IsOctal(field, i + 1))
                {
                    text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                    i += 3;
                }
                else
                {
                    text.Append(field[i]);
                }
            }

            return text.ToString();
        }

        private static bool IsOctal(string text, int start) =>
            start + 3 <= text.Length && text.Skip(start).Take(3).All(c => c >= '0' && c <= '7');

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);

        [DllImport("libc")]
        private static extern uint geteuid();

        [DllImport("libc", SetLastError = true)]
        private static extern int umount2(string target, int flags);
    }
}
