namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The programs the SSH tests need and the Debian packages they come from: a missing one fails the test with the
    /// package to install (never a skip).
    /// </summary>
    public static class SshTestPrerequisites
    {
        public static IReadOnlyDictionary<string, string> Packages { get; } = new Dictionary<string, string>
        {
            ["sshd"] = "openssh-server",
            ["ssh"] = "openssh-client",
            ["ssh-keygen"] = "openssh-client",
            ["ssh-keyscan"] = "openssh-client",
            ["ip"] = "iproute2",
            ["nsenter"] = "util-linux",
            ["unshare"] = "util-linux",
        };

        /// <summary>The program's full path.</summary>
        /// <exception cref="InvalidOperationException">It is not installed; the message names its package.</exception>
        public static string Require(string program)
        {
            string package = Packages.TryGetValue(program, out string? known) ? known : program;
            string? found = new[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin" }
                .Select(directory => Path.Combine(directory, program))
                .FirstOrDefault(File.Exists);
            return found ?? throw new InvalidOperationException(
                $"The SSH tests need '{program}' from the package {package}, which is not installed. Install it with: apt-get install -y {package} (as root; .ci/run does this).");
        }

        public static void RequireAll()
        {
            Prerequisites.RequireRoot();
            foreach (string program in Packages.Keys)
            {
                Require(program);
            }
        }
    }
}
