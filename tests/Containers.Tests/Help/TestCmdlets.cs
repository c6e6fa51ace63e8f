using Containers.HelpBuilder.Metadata;

namespace Containers.Tests.Help
{
    /// <summary>Small cmdlet definitions for testing the builder's parts without the real assembly.</summary>
    internal static class TestCmdlets
    {
        /// <summary>Get-Thing [[-Name] &lt;String[]&gt;] [-All]: one set, -Name positional and piped by value.</summary>
        public static CmdletDefinition GetThing() =>
            new CmdletDefinition(
                "Get",
                "Thing",
                defaultParameterSetName: null,
                supportsShouldProcess: false,
                confirmImpact: 2,
                new[]
                {
                    new ParameterDefinition("Name", "String[]", "System.String[]", true, new[] { "ThingName" }, true, Array.Empty<string>(),
                        new[] { new ParameterBinding(ParameterBinding.AllSets, false, 0, true, true) }),
                    new ParameterDefinition("All", "SwitchParameter", "System.Management.Automation.SwitchParameter", false, Array.Empty<string>(), false, Array.Empty<string>(),
                        new[] { new ParameterBinding(ParameterBinding.AllSets, false, null, false, false) }),
                },
                new[] { new OutputTypeDeclaration("System.String", Array.Empty<string>()) });
    }
}
