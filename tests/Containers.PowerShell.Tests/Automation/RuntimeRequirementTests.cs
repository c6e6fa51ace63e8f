using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Automation
{
    /// <summary>
    /// Why the module needs PowerShell 7.4 (.NET 8) and not 7.2 (.NET 6), as docs/about_Containers_Automation.md
    /// explains: its assemblies reference System.Text.Json 8.0.0.0, and on PowerShell 7 the runtime's own copy answers
    /// for that name in the default load context (the module folder's copy is never loaded), so a runtime whose copy is
    /// older than the reference (.NET 6 ships 6.0.0.0) cannot serve it. Should the references drop to 6.0, these fail
    /// and the page and README can say 7.2 again.
    /// </summary>
    public sealed class RuntimeRequirementTests
    {
        [Fact]
        public void The_module_references_System_Text_Json_8_which_dotnet_6_does_not_carry()
        {
            ModuleFolder.RequireBuilt();
            var references = Directory.GetFiles(ModuleFolder.Path, "Containers*.dll")
                .SelectMany(file => References(file).Select(reference => (Assembly: Path.GetFileName(file), reference.Name, reference.Version)))
                .Where(reference => reference.Name == "System.Text.Json")
                .ToList();

            Assert.Contains(references, reference => reference.Assembly == "Containers.Engine.dll");
            Assert.All(references, reference => Assert.Equal(new Version(8, 0, 0, 0), reference.Version));
            Assert.Contains("PowerShell 7.4 or later", File.ReadAllText(RepositoryFiles.Path("docs/about_Containers_Automation.md")), StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_runtime_copy_of_System_Text_Json_serves_the_module_and_the_module_folder_copy_is_never_loaded()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("$null = Get-ContainerEngine").AssertNoErrors(); // reads the engine's JSON

            string[] loaded = AppDomain.CurrentDomain.GetAssemblies()
                .Where(assembly => assembly.GetName().Name == "System.Text.Json")
                .Select(assembly => assembly.Location)
                .ToArray();
            Assert.NotEmpty(loaded);
            Assert.DoesNotContain(loaded, location => location.StartsWith(ModuleFolder.Path, StringComparison.Ordinal));
        }

        private static IEnumerable<(string Name, Version Version)> References(string file)
        {
            using FileStream stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            MetadataReader metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences
                .Select(handle => metadata.GetAssemblyReference(handle))
                .Select(reference => (metadata.GetString(reference.Name), reference.Version))
                .ToList();
        }
    }
}
