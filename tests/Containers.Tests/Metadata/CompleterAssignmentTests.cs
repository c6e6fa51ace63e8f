using System.Reflection;
using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>The parameters that name engine objects complete them live, through completers PowerShell can create.</summary>
    public class CompleterAssignmentTests : IClassFixture<CmdletMetadataFixture>
    {
        private const string Completers = "Containers.PowerShell.Completers.";

        private readonly CmdletMetadata _metadata;

        public CompleterAssignmentTests(CmdletMetadataFixture fixture)
        {
            _metadata = fixture.Metadata;
        }

        private static string? CompleterOf(PropertyInfo property) =>
            (CmdletMetadata.Attribute(property, "ArgumentCompleterAttribute")?.ConstructorArguments.Single().Value as Type)?.FullName;

        private static bool DerivesFrom(Type type, string baseName)
        {
            for (Type? current = type.BaseType; current != null; current = current.BaseType)
            {
                if (current.Name == baseName)
                {
                    return true;
                }
            }

            return false;
        }

        private IEnumerable<string> Expect(Func<CmdletMetadata.CmdletInfo, bool> which, string parameter, string completer) =>
            _metadata.Cmdlets.Where(which)
                .Select(c => (c.Name, Property: c.Type.GetProperty(parameter)))
                .Where(p => p.Property == null || CompleterOf(p.Property) != Completers + completer)
                .Select(p => $"{p.Name} -{parameter} does not use {completer}");

        [Fact]
        public void Every_cmdlet_acting_on_containers_completes_container_names() =>
            Assert.Empty(Expect(c => DerivesFrom(c.Type, "ContainerTargetCmdlet") || c.Name == "Get-Container", "Name", "ContainerNameCompleter"));

        [Fact]
        public void Every_cmdlet_acting_on_images_completes_image_names()
        {
            Func<CmdletMetadata.CmdletInfo, bool> onImages = c => DerivesFrom(c.Type, "ImageTargetCmdlet") || c.Name == "Get-ContainerImage" || c.Name == "Add-ContainerImageTag";
            Assert.Equal(6, _metadata.Cmdlets.Count(onImages));
            Assert.Empty(Expect(onImages, "Name", "ImageNameCompleter"));
        }

        [Fact]
        public void Cmdlets_that_create_containers_complete_images_networks_and_volumes()
        {
            Func<CmdletMetadata.CmdletInfo, bool> creating = c => DerivesFrom(c.Type, "ContainerCreationCmdlet");
            Assert.Equal(new[] { "Invoke-ContainerImage", "New-Container" }, _metadata.Cmdlets.Where(creating).Select(c => c.Name));
            Assert.Empty(Expect(creating, "Image", "ImageNameCompleter")
                .Concat(Expect(creating, "Network", "NetworkNameCompleter"))
                .Concat(Expect(creating, "Volume", "VolumeNameCompleter")));
        }

        [Fact]
        public void Every_stack_cmdlet_completes_stack_names_and_so_does_every_Stack_parameter()
        {
            Func<CmdletMetadata.CmdletInfo, bool> onStacks = c => c.Noun == "ContainerStack";
            Func<CmdletMetadata.CmdletInfo, bool> withStack = c => c.Type.GetProperty("Stack") != null;
            Assert.Contains(_metadata.Cmdlets, c => c.Name == "Remove-ContainerStack");
            Assert.Contains(_metadata.Cmdlets, c => c.Name == "Get-ContainerServiceTask" && withStack(c));
            Assert.Empty(Expect(onStacks, "Name", "StackNameCompleter").Concat(Expect(withStack, "Stack", "StackNameCompleter")));
        }

        [Fact]
        public void Engine_Context_Platform_and_Driver_complete_their_values_not_file_names()
        {
            Assert.Contains(_metadata.Cmdlets, c => c.Type.GetProperty("Platform") != null);
            Assert.Empty(Expect(c => true, "Engine", "EngineCompleter")
                .Concat(Expect(c => c.Type.GetProperty("Platform") != null, "Platform", "PlatformCompleter"))
                .Concat(Expect(c => c.Name == "Connect-ContainerEngine", "Context", "DockerContextCompleter"))
                .Concat(Expect(c => c.Name == "New-ContainerNetwork", "Driver", "NetworkDriverCompleter")));
        }

        [Fact]
        public void Every_completer_is_one_PowerShell_can_create()
        {
            Type[] completers = _metadata.Cmdlets
                .SelectMany(c => c.Parameters.Select(p => p.Property).Distinct())
                .Select(p => CmdletMetadata.Attribute(p, "ArgumentCompleterAttribute")?.ConstructorArguments.Single().Value as Type)
                .OfType<Type>()
                .Distinct()
                .ToArray();

            Assert.True(completers.Length >= 5, string.Join(", ", completers.Select(c => c.Name)));
            Assert.Empty(completers
                .Where(c => !c.IsPublic || c.IsAbstract || c.GetConstructor(Type.EmptyTypes) == null
                    || !c.GetInterfaces().Any(i => i.FullName == "System.Management.Automation.IArgumentCompleter"))
                .Select(c => c.FullName));
        }
    }
}
