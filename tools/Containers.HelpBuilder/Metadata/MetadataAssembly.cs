using System.Reflection;
using System.Runtime.InteropServices;

namespace Containers.HelpBuilder.Metadata
{
    /// <summary>
    /// The compiled cmdlet assembly opened as metadata only (System.Reflection.MetadataLoadContext): nothing in it runs.
    /// PowerShellStandard.Library's attributes read back empty when instantiated at run time, but their constructor and
    /// named arguments are in the metadata exactly as written, so cmdlets are read through CustomAttributeData.
    /// </summary>
    public sealed class MetadataAssembly : IDisposable
    {
        private readonly MetadataLoadContext _context;

        private MetadataAssembly(MetadataLoadContext context, Assembly assembly)
        {
            _context = context;
            Assembly = assembly;
        }

        public Assembly Assembly { get; }

        /// <param name="moduleAssemblyPath">Containers.dll; its folder must also hold the assemblies it references.</param>
        /// <param name="powerShellReferenceAssemblyPath">PowerShellStandard.Library's System.Management.Automation.dll.</param>
        public static MetadataAssembly Load(string moduleAssemblyPath, string powerShellReferenceAssemblyPath)
        {
            if (!File.Exists(moduleAssemblyPath))
            {
                throw new FileNotFoundException($"The cmdlet assembly is not at {moduleAssemblyPath}; build the solution first.", moduleAssemblyPath);
            }

            if (!File.Exists(powerShellReferenceAssemblyPath))
            {
                throw new FileNotFoundException(
                    $"PowerShellStandard.Library's reference assembly is not at {powerShellReferenceAssemblyPath}; restore the project.",
                    powerShellReferenceAssemblyPath);
            }

            string moduleDirectory = Path.GetDirectoryName(Path.GetFullPath(moduleAssemblyPath))!;

            // The running runtime's assemblies, the module's neighbours, and PowerShell's reference assembly (never a copy
            // of System.Management.Automation that happens to sit beside the module). Later entries win on a name clash.
            IEnumerable<string> paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
                .Concat(Directory.GetFiles(moduleDirectory, "*.dll")
                    .Where(path => !Path.GetFileName(path).StartsWith("System.Management.Automation", StringComparison.OrdinalIgnoreCase)))
                .Append(powerShellReferenceAssemblyPath)
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .Select(group => group.Last());
            var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            try
            {
                return new MetadataAssembly(context, context.LoadFromAssemblyPath(moduleAssemblyPath));
            }
            catch
            {
                context.Dispose();
                throw;
            }
        }

        /// <summary>Another assembly into the same context (the PowerShell reference, the module's libraries, test samples).</summary>
        public Assembly LoadFrom(string path) => _context.LoadFromAssemblyPath(path);

        public void Dispose() => _context.Dispose();
    }
}
