namespace Containers.HelpBuilder.Metadata
{
    /// <summary>Reads every cmdlet a compiled module assembly declares, sorted by name.</summary>
    public static class CmdletReader
    {
        /// <summary>The Containers.dll beside the running program, as the build placed it.</summary>
        public static IReadOnlyList<CmdletDefinition> ReadBuilt() =>
            Read(BuildLocations.ModuleAssembly, BuildLocations.PowerShellReferenceAssembly);

        public static IReadOnlyList<CmdletDefinition> Read(string moduleAssemblyPath, string powerShellReferenceAssemblyPath)
        {
            // The definitions hold names and flags only, so the metadata context can go as soon as they are read.
            using MetadataAssembly module = MetadataAssembly.Load(moduleAssemblyPath, powerShellReferenceAssemblyPath);
            return module.Assembly.GetTypes()
                .Select(CmdletDefinition.FromType)
                .OfType<CmdletDefinition>()
                .OrderBy(cmdlet => cmdlet.Name, StringComparer.Ordinal)
                .ToList();
        }
    }
}
