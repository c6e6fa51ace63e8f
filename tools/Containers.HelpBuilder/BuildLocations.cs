using System.Reflection;

namespace Containers.HelpBuilder
{
    /// <summary>
    /// Where the builder finds its inputs unless told otherwise. The build records the repository and
    /// PowerShellStandard.Library's folder in this assembly, and copies the current Containers.dll beside it (and beside
    /// any program that references the builder, such as the test project), so nothing depends on the working directory.
    /// </summary>
    public static class BuildLocations
    {
        public static string RepositoryRoot => Setting("RepositoryRoot");

        /// <summary>The System.Management.Automation reference assembly the cmdlets were compiled against.</summary>
        public static string PowerShellReferenceAssembly =>
            Path.Combine(Setting("PowerShellStandardLibrary"), "lib", "netstandard2.0", "System.Management.Automation.dll");

        /// <summary>The cmdlet assembly the build copied beside the running program.</summary>
        public static string ModuleAssembly => Path.Combine(AppContext.BaseDirectory, "Containers.dll");

        private static string Setting(string key) =>
            typeof(BuildLocations).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"The build did not record '{key}'; rebuild tools/Containers.HelpBuilder.");
    }
}
