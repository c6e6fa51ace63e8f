namespace Containers.Engine.Ssh
{
    /// <summary>Finds the OpenSSH client programs: on the PATH, and on Windows also where the optional OpenSSH feature installs them.</summary>
    public static class SshClientProgram
    {
        public static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

        /// <summary>The file that reads as empty, for -F and GlobalKnownHostsFile.</summary>
        public static string NullDevice => IsWindows ? "NUL" : "/dev/null";

        /// <summary>The program's full path; null when it is not installed (<see cref="NotFoundMessage"/> says what to install).</summary>
        public static string? TryFind(string program)
        {
            string file = IsWindows ? program + ".exe" : program;
            var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Where(folder => folder.Length > 0).ToList();
            if (IsWindows)
            {
                folders.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "OpenSSH"));
            }

            return folders.Select(folder => Path.Combine(folder.Trim('"'), file)).FirstOrDefault(File.Exists);
        }

        /// <summary>That the program is missing, and how to install it.</summary>
        public static string NotFoundMessage(string program)
        {
            string file = IsWindows ? program + ".exe" : program;
            return IsWindows
                ? $"The OpenSSH client ('{file}') was not found. Add the Windows feature: Add-WindowsCapability -Online -Name OpenSSH.Client~~~~0.0.1.0"
                : $"The OpenSSH client ('{program}') was not found. Install it, for example with: apt-get install openssh-client (dnf and zypper: openssh-clients).";
        }
    }
}
