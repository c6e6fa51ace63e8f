using System.Runtime.InteropServices;

namespace Containers.Commands.Interactive
{
    /// <summary>
    /// Turns on VT processing of the Windows console's output for the session, as the docker CLI does, and puts the
    /// previous mode back afterwards. PowerShell 7 and Windows Terminal have it on already; the classic console under
    /// Windows PowerShell 5.1 usually does not, and would print escape sequences as text. Windows before 10 (1511)
    /// cannot turn it on at all: the session still works there, with the sequences shown raw.
    /// </summary>
    internal sealed class WindowsConsoleMode
    {
        private const int StdOutputHandle = -11;
        private const uint EnableVirtualTerminalProcessing = 0x0004;
        private const uint DisableNewlineAutoReturn = 0x0008;

        private readonly IntPtr _handle;
        private readonly uint _previous;

        private WindowsConsoleMode(IntPtr handle, uint previous)
        {
            _handle = handle;
            _previous = previous;
        }

        /// <summary>Null off Windows, or when the output is no console, or the mode could not be read.</summary>
        public static WindowsConsoleMode? EnableVirtualTerminal()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return null;
            }

            IntPtr handle = GetStdHandle(StdOutputHandle);
            if (handle == IntPtr.Zero || handle == new IntPtr(-1) || !GetConsoleMode(handle, out uint mode))
            {
                return null;
            }

            if (!SetConsoleMode(handle, mode | EnableVirtualTerminalProcessing | DisableNewlineAutoReturn))
            {
                // Older consoles reject the second flag; VT processing alone is what matters.
                SetConsoleMode(handle, mode | EnableVirtualTerminalProcessing);
            }

            return new WindowsConsoleMode(handle, mode);
        }

        public void Restore() => SetConsoleMode(_handle, _previous);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern IntPtr GetStdHandle(int handle);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool GetConsoleMode(IntPtr handle, out uint mode);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool SetConsoleMode(IntPtr handle, uint mode);
    }
}
