using System.Reflection;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>Files of the repository itself (the build records its root), for tests that run what the docs show.</summary>
    public static class RepositoryFiles
    {
        public static string Root { get; } = typeof(RepositoryFiles).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

        /// <summary>A path under the repository root, given with forward slashes (docs/examples/X.ps1).</summary>
        public static string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
    }
}
