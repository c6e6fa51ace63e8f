using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Networks
{
    /// <summary>New-, Connect-, Disconnect- and Remove-ContainerNetwork through PowerShell: binding, pipelines and errors.</summary>
    public sealed class NetworkCmdletTests
    {
        [Fact]
        public async Task A_network_is_made_with_friendly_parameters_and_a_bad_subnet_makes_nothing()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult made = session.Run(@"New-ContainerNetwork -Name ""$Prefix-net"" -Subnet 10.231.77.0/24 -Gateway 10.231.77.1 -Internal -Label @{ project = $Prefix }").AssertNoErrors();
            PSObject network = made.Single();
            Assert.Equal(session.Prefix + "-net", network.Properties["Name"].Value);
            Assert.Equal("bridge", network.Properties["Driver"].Value);
            Assert.Equal(true, network.Properties["Internal"].Value);

            // Found again by its label, as Get-ContainerNetwork lists it.
            RunResult found = session.Run("(Get-ContainerNetwork -Name \"$Prefix-*\").Name").AssertNoErrors();
            Assert.Equal(new object[] { session.Prefix + "-net" }, found.Output.Select(o => o.BaseObject).ToArray());

            RunResult bad = session.Run(@"New-ContainerNetwork -Name ""$Prefix-bad"" -Subnet 10.231.78.0/33");
            ErrorRecord error = bad.Terminating ?? Assert.Single(bad.Errors);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.StartsWith("InvalidSubnet", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Empty(session.Run("Get-ContainerNetwork -Name \"$Prefix-bad*\"").AssertNoErrors().Output);
        }

        [Fact]
        public async Task Containers_are_piped_into_Connect_and_Disconnect_and_the_attachment_shows_in_their_detail()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(@"
                $net = New-ContainerNetwork -Name ""$Prefix-app"" -Subnet 10.231.79.0/24
                New-Container -Image $TestImage -Name ""$Prefix-db"" -Command sleep, 600 | Start-Container").AssertNoErrors();

            RunResult connected = session.Run(@"Get-Container -Name ""$Prefix-db"" | Connect-ContainerNetwork -Network ""$Prefix-app"" -Alias database -IPAddress 10.231.79.10 -PassThru").AssertNoErrors();
            Assert.Equal(session.Prefix + "-db", connected.Single().Properties["Name"].Value);

            RunResult detail = session.Run(@"(Get-ContainerDetail -Name ""$Prefix-db"").NetworkSettings.Networks[""$Prefix-app""] | ForEach-Object { $_.IPAddress; $_.Aliases -contains 'database' }").AssertNoErrors();
            Assert.Equal(new object[] { "10.231.79.10", true }, detail.Output.Select(o => o.BaseObject).ToArray());
            RunResult attached = session.Run(@"(Get-ContainerNetwork -Name ""$Prefix-app"").Containers.Name").AssertNoErrors();
            Assert.Equal(new object[] { session.Prefix + "-db" }, attached.Output.Select(o => o.BaseObject).ToArray());

            // By name, through the Container parameter's pipeline binding by property name.
            session.Run(@"[pscustomobject]@{ Container = ""$Prefix-db"" } | Disconnect-ContainerNetwork -Network ""$Prefix-app""").AssertNoErrors();
            Assert.Empty(session.Run(@"(Get-ContainerNetwork -Name ""$Prefix-app"").Containers").AssertNoErrors().Output);

            // A container that is not there is one non-terminating error; the next input still goes.
            RunResult missing = session.Run(@"""$Prefix-none"", ""$Prefix-db"" | Connect-ContainerNetwork -Network ""$Prefix-app"" -PassThru");
            Assert.Null(missing.Terminating);
            ErrorRecord error = Assert.Single(missing.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(session.Prefix + "-db", missing.Single().Properties["Name"].Value);
        }

        [Fact]
        public async Task Remove_takes_piped_networks_reports_a_missing_one_and_refuses_one_in_use_without_Force()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(@"
                'one', 'two', 'used' | ForEach-Object { New-ContainerNetwork -Name ""$Prefix-$_"" } | Out-Null
                New-Container -Image $TestImage -Name ""$Prefix-user"" -Command sleep, 600 -Network ""$Prefix-used"" | Start-Container").AssertNoErrors();

            session.Run(@"Get-ContainerNetwork -Name ""$Prefix-one"", ""$Prefix-two"" | Remove-ContainerNetwork").AssertNoErrors();
            Assert.Empty(session.Run(@"Get-ContainerNetwork -Name ""$Prefix-one*"", ""$Prefix-two*""").AssertNoErrors().Output);

            RunResult missing = session.Run(@"Remove-ContainerNetwork -Name ""$Prefix-gone""");
            ErrorRecord notFound = Assert.Single(missing.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
            Assert.StartsWith("NetworkNotFound", notFound.FullyQualifiedErrorId, StringComparison.Ordinal);

            RunResult inUse = session.Run(@"Remove-ContainerNetwork -Name ""$Prefix-used""");
            Assert.Single(inUse.Errors);
            Assert.Single(session.Run(@"Get-ContainerNetwork -Name ""$Prefix-used""").Output);

            session.Run(@"Remove-ContainerNetwork -Name ""$Prefix-used"" -Force -WhatIf").AssertNoErrors();
            Assert.Single(session.Run(@"Get-ContainerNetwork -Name ""$Prefix-used""").Output);

            session.Run(@"Remove-ContainerNetwork -Name ""$Prefix-used"" -Force").AssertNoErrors();
            Assert.Empty(session.Run(@"Get-ContainerNetwork -Name ""$Prefix-used*""").AssertNoErrors().Output);
        }
    }
}
