namespace Containers.Tests.Fixtures
{
    /// <summary>Finds the programs engine tests need, failing with what to install instead of skipping.</summary>
    public static class Prerequisites
    {
        public const string InstallHint = "Install them with: apt-get install -y docker.io docker-compose docker-registry busybox-static apache2-utils openssh-server openssh-client iproute2 (as root; .ci/run does this).";

        public static string Require(string program, params string[] extraDirectories)
        {
            string? found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Concat(extraDirectories)
                .Concat(new[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin" })
                .Select(directory => Path.Combine(directory, program))
                .FirstOrDefault(File.Exists);
            return found ?? throw new InvalidOperationException($"The engine tests need '{program}', which is not installed. {InstallHint}");
        }

        public static void RequireRoot()
        {
            if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The engine tests start their own dockerd, which needs root. Run them as root (CI does).");
            }
        }
    }
}
