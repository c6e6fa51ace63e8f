using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Dsc
{
    /// <summary>The ContainerVolume resource through the DSC adapter's steps against the private engine.</summary>
    public sealed class ContainerVolumeResourceTests
    {
        [Fact]
        public async Task Test_is_false_until_Set_makes_the_volume_and_a_second_Set_changes_nothing()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"$VerbosePreference = 'Continue'
                $volume = New-DscResource ContainerVolume @{ Name = ""$Prefix-data""; Label = @{ project = $Prefix } }").AssertNoErrors();

            RunResult before = session.Run("$volume.Test()").AssertNoErrors();
            Assert.False((bool)before.Single().BaseObject);
            Assert.Contains(before.Verbose, line => line.Contains("is Absent, should be Present", StringComparison.Ordinal));

            RunResult set = session.Run("$volume.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.StartsWith("Creating volume", StringComparison.Ordinal));
            RunResult state = session.Run("$volume.Get()").AssertNoErrors();
            PSObject actual = state.Single();
            Assert.Equal("Present", actual.Properties["Ensure"].Value.ToString());
            Assert.Equal("local", actual.Properties["Driver"].Value);
            Assert.Equal(session.Prefix, ((System.Collections.Hashtable)actual.Properties["Label"].Value)["project"]);
            object created = actual.Properties["Created"].Value;

            RunResult after = session.Run("$volume.Test()").AssertNoErrors();
            Assert.True((bool)after.Single().BaseObject);
            Assert.Contains(after.Verbose, line => line.Contains("is in the desired state", StringComparison.Ordinal));

            RunResult again = session.Run("$volume.Set(); $volume.Get().Created").AssertNoErrors();
            Assert.Equal(created, again.Single().BaseObject);
            Assert.DoesNotContain(again.Verbose, line => line.StartsWith("Creating", StringComparison.Ordinal) || line.StartsWith("Recreating", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Test_compares_only_what_is_specified_and_Set_recreates_an_unused_volume_whose_label_drifted()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"New-ContainerVolume -Name ""$Prefix-data"" -Label @{ project = 'old'; keep = 'x' } | Out-Null").AssertNoErrors();

            // Nothing specified but the name: in the desired state, whatever its labels.
            Assert.True((bool)session.Run(@"(New-DscResource ContainerVolume @{ Name = ""$Prefix-data"" }).Test()").AssertNoErrors().Single().BaseObject);

            session.Run(@"$VerbosePreference = 'Continue'
                $volume = New-DscResource ContainerVolume @{ Name = ""$Prefix-data""; Label = @{ project = 'new' } }").AssertNoErrors();
            RunResult drift = session.Run("$volume.Test()").AssertNoErrors();
            Assert.False((bool)drift.Single().BaseObject);
            Assert.Contains(drift.Verbose, line => line.Contains("label project is 'old', not 'new'", StringComparison.Ordinal));

            RunResult set = session.Run("$volume.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.StartsWith("Recreating volume", StringComparison.Ordinal));
            Assert.Equal("new", session.Run(@"(Get-ContainerVolume -Name ""$Prefix-data"").Labels['project']").AssertNoErrors().Single().BaseObject);
            Assert.True((bool)session.Run("$volume.Test()").AssertNoErrors().Single().BaseObject);
        }

        [Fact]
        public async Task A_volume_in_use_is_neither_recreated_nor_removed_and_the_error_is_VolumeInUse()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"
                New-ContainerVolume -Name ""$Prefix-used"" -Label @{ project = 'old' } | Out-Null
                New-Container -Image $TestImage -Name ""$Prefix-user"" -Volume ""$Prefix-used:/data"" -Command true | Out-Null").AssertNoErrors();

            foreach (string properties in new[] { "Label = @{ project = 'new' }", "Ensure = 'Absent'" })
            {
                RunResult refused = session.Run($"(New-DscResource ContainerVolume @{{ Name = \"$Prefix-used\"; {properties} }}).Set()");
                Assert.NotNull(refused.Terminating);
                Assert.StartsWith("VolumeInUse", refused.Terminating!.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ResourceBusy, refused.Terminating.CategoryInfo.Category);
                Assert.Equal("old", session.Run(@"(Get-ContainerVolume -Name ""$Prefix-used"").Labels['project']").AssertNoErrors().Single().BaseObject);
            }
        }

        [Fact]
        public async Task Absent_removes_an_unused_volume_and_then_holds()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"New-ContainerVolume -Name ""$Prefix-gone"" | Out-Null
                $volume = New-DscResource ContainerVolume @{ Name = ""$Prefix-gone""; Ensure = 'Absent' }").AssertNoErrors();

            Assert.False((bool)session.Run("$volume.Test()").AssertNoErrors().Single().BaseObject);
            session.Run("$volume.Set(); $volume.Set()").AssertNoErrors();
            Assert.Empty(session.Run(@"Get-ContainerVolume -Name ""$Prefix-gone*""").AssertNoErrors().Output);
            Assert.True((bool)session.Run("$volume.Test()").AssertNoErrors().Single().BaseObject);
            Assert.Equal("Absent", session.Run("$volume.Get().Ensure").AssertNoErrors().Single().ToString());
        }
    }
}
