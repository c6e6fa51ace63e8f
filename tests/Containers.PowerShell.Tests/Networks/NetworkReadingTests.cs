using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Views;
using Xunit;

namespace Containers.PowerShell.Tests.Networks
{
    /// <summary>Get-ContainerNetwork through PowerShell, and its table at 80 and 120 columns.</summary>
    public sealed class NetworkReadingTests
    {
        [Fact]
        public async Task Networks_are_found_by_name_id_and_property_and_their_table_keeps_a_31_character_name_whole()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string shorter = session.Prefix + "-payments-network-lon";
            Assert.Equal(31, shorter.Length);
            RunResult result = session.Run(@"
                $net = New-ContainerNetwork -Name $shorter
                @(Get-ContainerNetwork -Name ""$Prefix*"").Count
                (Get-ContainerNetwork -Id $net.Id).Name
                ([pscustomobject]@{ NetworkName = $shorter } | Get-ContainerNetwork).Id -eq $net.Id
                Get-ContainerNetwork -Name $shorter | Out-String -Width 80
                Get-ContainerNetwork -Name $shorter | Out-String -Width 120",
                new Dictionary<string, object?> { ["shorter"] = shorter }).AssertNoErrors();

            Assert.Equal(1, result.Output[0].BaseObject);
            Assert.Equal(shorter, result.Output[1].BaseObject);
            Assert.Equal(true, result.Output[2].BaseObject);
            RenderedTable narrow = RenderedTable.Parse((string)result.Output[3].BaseObject);
            Assert.Equal(new[] { "NetworkId", "Name", "Driver", "Scope", "Subnet" }, narrow.Labels);
            Assert.True(narrow.Width <= 80, narrow.Text);
            Assert.Equal(shorter, narrow.Cell(shorter, "Name"));
            Assert.Equal("bridge", narrow.Cell(shorter, "Driver"));
            Assert.Matches(@"^\d+\.\d+\.\d+\.\d+/\d+$", narrow.Cell(shorter, "Subnet"));
            RenderedTable wide = RenderedTable.Parse((string)result.Output[4].BaseObject);
            Assert.Equal(new[] { "NetworkId", "Name", "Driver", "Scope", "Subnet", "Gateway", "Internal", "Containers" }, wide.Labels);
            Assert.True(wide.Width <= 120, wide.Text);
        }
    }
}
