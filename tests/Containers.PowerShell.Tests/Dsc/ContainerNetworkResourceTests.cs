using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Dsc
{
    /// <summary>The ContainerNetwork resource through the DSC adapter's steps against the private engine.</summary>
    public sealed class ContainerNetworkResourceTests
    {
        // This test's own subnet, apart from the engine's default pools and from the other tests' 10.231.x.
        private const string OwnSubnet = "10.232.7.0/24";

        [Fact]
        public async Task Set_makes_the_network_Get_reports_it_and_a_second_Set_keeps_the_same_id()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            const string subnet = OwnSubnet;
            session.Run(@"$VerbosePreference = 'Continue'
                $network = New-DscResource ContainerNetwork @{ Name = ""$Prefix-net""; Subnet = $Subnet; Internal = $true; Label = @{ project = $Prefix } }",
                new Dictionary<string, object?> { ["Subnet"] = subnet }).AssertNoErrors();

            Assert.False((bool)session.Run("$network.Test()").AssertNoErrors().Single().BaseObject);
            RunResult set = session.Run("$network.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.StartsWith("Creating network", StringComparison.Ordinal));

            PSObject actual = session.Run("$network.Get()").AssertNoErrors().Single();
            Assert.Equal("Present", actual.Properties["Ensure"].Value.ToString());
            Assert.Equal("bridge", actual.Properties["Driver"].Value);
            Assert.Equal(subnet, actual.Properties["Subnet"].Value);
            Assert.Equal(true, actual.Properties["Internal"].Value);
            string id = (string)actual.Properties["Id"].Value;
            Assert.False(string.IsNullOrEmpty(id));

            Assert.True((bool)session.Run("$network.Test()").AssertNoErrors().Single().BaseObject);
            RunResult again = session.Run("$network.Set(); $network.Get().Id").AssertNoErrors();
            Assert.Equal(id, again.Single().BaseObject);
        }

        [Fact]
        public async Task A_drifted_network_is_recreated_when_unused_and_refused_with_NetworkInUse_when_a_container_is_connected()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"New-ContainerNetwork -Name ""$Prefix-net"" -Label @{ project = 'old' } | Out-Null
                $VerbosePreference = 'Continue'
                $network = New-DscResource ContainerNetwork @{ Name = ""$Prefix-net""; Internal = $true }").AssertNoErrors();
            string before = (string)session.Run("$network.Get().Id").AssertNoErrors().Single().BaseObject;

            RunResult drift = session.Run("$network.Test()").AssertNoErrors();
            Assert.False((bool)drift.Single().BaseObject);
            Assert.Contains(drift.Verbose, line => line.Contains("internal is False, not True", StringComparison.Ordinal));
            RunResult set = session.Run("$network.Set(); $network.Get().Id").AssertNoErrors();
            Assert.NotEqual(before, set.Single().BaseObject);
            Assert.Contains(set.Verbose, line => line.StartsWith("Recreating network", StringComparison.Ordinal));
            Assert.True((bool)session.Run("$network.Test()").AssertNoErrors().Single().BaseObject);

            session.Run(@"New-Container -Image $TestImage -Name ""$Prefix-user"" -Network ""$Prefix-net"" -Command true | Out-Null").AssertNoErrors();
            RunResult refused = session.Run(@"(New-DscResource ContainerNetwork @{ Name = ""$Prefix-net""; Internal = $false }).Set()");
            Assert.NotNull(refused.Terminating);
            Assert.StartsWith("NetworkInUse", refused.Terminating!.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ResourceBusy, refused.Terminating.CategoryInfo.Category);
            Assert.True((bool)session.Run("$network.Test()").AssertNoErrors().Single().BaseObject);
        }

        [Fact]
        public async Task Absent_removes_the_network()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"New-ContainerNetwork -Name ""$Prefix-net"" | Out-Null
                $network = New-DscResource ContainerNetwork @{ Name = ""$Prefix-net""; Ensure = 'Absent' }").AssertNoErrors();

            Assert.False((bool)session.Run("$network.Test()").AssertNoErrors().Single().BaseObject);
            session.Run("$network.Set(); $network.Set()").AssertNoErrors();
            Assert.Empty(session.Run(@"Get-ContainerNetwork -Name ""$Prefix-net*""").AssertNoErrors().Output);
            Assert.True((bool)session.Run("$network.Test()").AssertNoErrors().Single().BaseObject);
        }
    }
}
