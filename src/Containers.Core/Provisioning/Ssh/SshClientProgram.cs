using System;
using System.IO;
using System.Linq;

namespace Containers.Provisioning.Ssh
{
    /// <summary>Finds the OpenSSH client programs: on the PATH, and on Windows also where the optional OpenSSH feature installs them.</summary>
    public static class SshClientProgram
    {
        public static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

        /// <summary>The file that reads as empty, for -F and GlobalKnownHostsFile.</summary>
        public static string NullDevice => IsWindows ? "NUL" : "/dev/null";

        /// <exception cref="SshException"><see cref="SshFailure.ClientNotFound"/>, saying what to install.</exception>
        public static string Find(string program)
        {
            string file = IsWindows ? program + ".exe" : program;
            var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Where(folder => folder.Length > 0).ToList();
            if (IsWindows)
            {
                folders.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "OpenSSH"));
            }

            string? found = folders.Select(folder => Path.Combine(folder.Trim('"'), file)).FirstOrDefault(File.Exists);
            return found ?? throw new SshException(
                SshFailure.ClientNotFound,
                IsWindows
                    ? $"The OpenSSH client ('{file}') was not found. Add the Windows feature: Add-WindowsCapability -Online -Name OpenSSH.Client~~~~0.0.1.0"
                    : $"The OpenSSH client ('{program}') was not found. Install it, for example with: apt-get install openssh-client (dnf and zypper: openssh-clients).");
        }
    }
}
