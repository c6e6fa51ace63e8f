namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>The built module as the test build lays it out (Module/Containers beside the tests), the way build.ps1 does.</summary>
    public static class ModuleFolder
    {
        public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Module", "Containers");

        public static string Manifest { get; } = System.IO.Path.Combine(Path, "Containers.psd1");

        public static void RequireBuilt()
        {
            if (!File.Exists(Manifest))
            {
                throw new InvalidOperationException($"The module is not laid out at {Path}; build the test project (dotnet build) first.");
            }
        }
    }
}
