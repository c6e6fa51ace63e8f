using System.Runtime.InteropServices;

namespace Containers.Tests.Fixtures
{
    /// <summary>POSIX signals: Process.Kill only sends SIGKILL, and dockerd deserves a SIGTERM to unmount cleanly.</summary>
    public static class Signals
    {
        public const int Term = 15;
        public const int Kill = 9;

        /// <summary>SIGSTOP and SIGCONT (Linux numbering): freeze a process, as a hung engine is, and thaw it.</summary>
        public const int Stop = 19;
        public const int Continue = 18;

        public static bool Send(int pid, int signal) => kill(pid, signal) == 0;

        /// <summary>True when a process with this id exists (signal 0 checks without sending).</summary>
        public static bool IsAlive(int pid) => pid > 0 && kill(pid, 0) == 0;

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);
    }
}
