using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Dsc
{
    /// <summary>
    /// How DSC finds the resources: the manifest lists exactly the classes the root module file marks [DscResource()],
    /// and each is what the DSC v3 adapter takes: a class in the module's scope carrying DscResourceAttribute, whose
    /// [DscProperty] members (read from the root module file's syntax tree, as the adapter reads them) include one key,
    /// Ensure and Engine.
    /// </summary>
    public sealed class DscResourceDiscoveryTests
    {
        private static readonly string RootModule = Path.Combine(ModuleFolder.Path, "Containers.psm1");

        private static IReadOnlyList<TypeDefinitionAst> DscClasses()
        {
            Ast tree = Parser.ParseFile(RootModule, out _, out ParseError[] errors);
            Assert.Empty(errors);
            return tree.FindAll(node => node is TypeDefinitionAst type && type.IsClass
                    && type.Attributes.Any(attribute => attribute.TypeName.Name == "DscResource"), searchNestedScriptBlocks: false)
                .Cast<TypeDefinitionAst>().ToList();
        }

        private static IEnumerable<(string Name, string Argument)> DscProperties(TypeDefinitionAst type) =>
            type.Members.OfType<PropertyMemberAst>()
                .SelectMany(property => property.Attributes
                    .Where(attribute => attribute.TypeName.Name == "DscProperty")
                    .Select(attribute => (property.Name, string.Join(",", attribute.NamedArguments.Select(argument => argument.ArgumentName)))));

        [Fact]
        public async Task The_manifest_lists_exactly_the_DscResource_classes_of_the_root_module()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult listed = session.Run("(Import-PowerShellDataFile $ModuleManifest).DscResourcesToExport",
                new Dictionary<string, object?> { ["ModuleManifest"] = ModuleFolder.Manifest }).AssertNoErrors();

            Assert.Equal(
                DscClasses().Select(type => type.Name).OrderBy(name => name, StringComparer.Ordinal),
                listed.Output.Select(item => (string)item.BaseObject).OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal(new[] { "Container", "ContainerImage", "ContainerNetwork", "ContainerRegistryLogin", "ContainerVolume" },
                DscClasses().Select(type => type.Name).OrderBy(name => name, StringComparer.Ordinal));
        }

        [Fact]
        public void Each_class_has_one_key_and_Ensure_and_Engine_among_its_DscProperty_members()
        {
            foreach (TypeDefinitionAst type in DscClasses())
            {
                var properties = DscProperties(type).ToList();
                Assert.True(properties.Count(property => property.Argument == "Key") == 1, type.Name + ": " + string.Join("; ", properties));
                Assert.Contains(("Ensure", ""), properties);
                Assert.Contains(("Engine", ""), properties);
                foreach (string method in new[] { "Get", "Test", "Set" })
                {
                    Assert.Contains(type.Members.OfType<FunctionMemberAst>(), member => member.Name == method && member.Parameters.Count == 0 && !member.IsStatic);
                }
            }
        }

        [Fact]
        public async Task The_module_scope_gives_each_class_with_its_DscResource_attribute_and_new_makes_one()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            foreach (TypeDefinitionAst type in DscClasses())
            {
                RunResult found = session.Run(@"
                    $type = & (Import-Module $ModuleManifest -PassThru) { param($name) $name -as 'type' } $Name
                    [bool]($type.GetCustomAttributes([System.Management.Automation.DscResourceAttribute], $true))
                    $type::new().Ensure.ToString()
                    ($Name -as 'type') -eq $null",
                    new Dictionary<string, object?> { ["ModuleManifest"] = ModuleFolder.Manifest, ["Name"] = type.Name }).AssertNoErrors();

                // Present by default; the class is not visible outside the module, so the adapter's module-scope step is needed.
                Assert.Equal(new object[] { true, "Present", true }, found.Output.Select(item => item.BaseObject).ToArray());
            }
        }
    }
}
