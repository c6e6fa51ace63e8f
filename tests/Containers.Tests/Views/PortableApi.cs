using System.Reflection;
using Containers.Tests.Metadata;

namespace Containers.Tests.Views
{
    /// <summary>
    /// The API every PowerShell the module supports has: netstandard 2.0 (which .NET Framework 4.7.2, under Windows
    /// PowerShell 5.1, implements as well as .NET does) and PowerShellStandard.Library's System.Management.Automation.
    /// A script block naming a type or member outside it would work in PowerShell 7 and fail in 5.1.
    /// </summary>
    public sealed class PortableApi : IDisposable
    {
        // PowerShell's type accelerators that are not simply System.<name>.
        private static readonly Dictionary<string, string> Accelerators = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["int"] = "System.Int32",
            ["long"] = "System.Int64",
            ["short"] = "System.Int16",
            ["bool"] = "System.Boolean",
            ["float"] = "System.Single",
            ["regex"] = "System.Text.RegularExpressions.Regex",
            ["hashtable"] = "System.Collections.Hashtable",
            ["ipaddress"] = "System.Net.IPAddress",
            ["cultureinfo"] = "System.Globalization.CultureInfo",
            ["psobject"] = "System.Management.Automation.PSObject",
            ["pscustomobject"] = "System.Management.Automation.PSObject",
            ["scriptblock"] = "System.Management.Automation.ScriptBlock",
            ["wildcardpattern"] = "System.Management.Automation.WildcardPattern",
        };

        private readonly MetadataLoadContext _context;
        private readonly Type[] _exported;

        public PortableApi()
        {
            string netstandard = Path.Combine(CmdletMetadata.SettingOf("NetStandardLibrary"), "build", "netstandard2.0", "ref", "netstandard.dll");
            string automation = Path.Combine(CmdletMetadata.SettingOf("PowerShellStandardLibrary"), "lib", "netstandard2.0", "System.Management.Automation.dll");
            _context = new MetadataLoadContext(new PathAssemblyResolver(new[] { netstandard, automation }), "netstandard");
            _exported = new[] { netstandard, automation }.SelectMany(path => _context.LoadFromAssemblyPath(path).GetExportedTypes()).ToArray();
        }

        /// <summary>The public type a script's <c>[name]</c> means, ignoring case as PowerShell does; null when there is none.</summary>
        public Type? Find(string name)
        {
            IEnumerable<string> candidates = Accelerators.TryGetValue(name, out string? accelerated)
                ? new[] { accelerated }
                : new[] { name, "System." + name };
            // MetadataLoadContext cannot look types up ignoring case: compare the exported names instead.
            return candidates
                .SelectMany(candidate => _exported.Where(type => string.Equals(type.FullName, candidate, StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault();
        }

        public void Dispose() => _context.Dispose();
    }
}
