using Containers.PowerShell.Tests.Fixtures;

namespace Containers.PowerShell.Tests.Automation
{
    /// <summary>
    /// The bare environment an unattended pwsh gets from Azure Automation's sandbox or a scheduler, for a child process:
    /// a home of its own that is empty (so no ~/.docker/config.json, no docker context, no host store), none of the
    /// variables that would choose an engine or a login for it (DOCKER_*, the module's CONTAINERS_*, XDG_*, Azure
    /// identities), and the built module on PSModulePath, as an imported Automation module or an installed one is.
    /// </summary>
    internal static class UnattendedEnvironment
    {
        private static readonly string[] DroppedPrefixes = { "DOCKER_", "CONTAINERS_", "XDG_", "AZURE_", "IDENTITY_", "MSI_" };

        public static Action<IDictionary<string, string?>> WithHome(string home) => environment =>
        {
            foreach (string name in environment.Keys.Where(name => DroppedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList())
            {
                environment.Remove(name);
            }

            environment["HOME"] = home;
            environment["PSModulePath"] = Path.GetDirectoryName(ModuleFolder.Path);
        };
    }
}
