using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Volumes
{
    /// <summary>New- and Remove-ContainerVolume through PowerShell: binding, pipelines, errors, -WhatIf.</summary>
    public sealed class VolumeCmdletTests
    {
        [Fact]
        public async Task A_volume_is_made_with_labels_and_options_and_mounts_by_object()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult made = session.Run(@"New-ContainerVolume -Name ""$Prefix-data"" -Label @{ project = $Prefix } -Option @{ type = 'tmpfs'; device = 'tmpfs'; o = 'size=1m' }").AssertNoErrors();
            PSObject volume = made.Single();
            Assert.Equal(session.Prefix + "-data", volume.Properties["Name"].Value);
            Assert.Equal("local", volume.Properties["Driver"].Value);

            RunResult labels = session.Run(@"(Get-ContainerVolume -Name ""$Prefix-data"").Labels['project']").AssertNoErrors();
            Assert.Equal(session.Prefix, labels.Single().BaseObject);

            // The object goes where a volume name goes.
            RunResult written = session.Run(@"
                $v = Get-ContainerVolume -Name ""$Prefix-data""
                Invoke-ContainerImage -Image $TestImage -Name ""$Prefix-writer"" -Mount @{ Source = $v; Target = '/data' } -Command sh, -c, 'echo kept > /data/f; cat /data/f' -Remove").AssertNoErrors();
            Assert.Equal("kept", written.Single().BaseObject);
        }

        [Fact]
        public async Task Remove_takes_piped_volumes_and_names_and_reports_missing_and_in_use_ones()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(@"
                'one', 'two', 'used' | ForEach-Object { New-ContainerVolume -Name ""$Prefix-$_"" } | Out-Null
                New-Container -Image $TestImage -Name ""$Prefix-user"" -Volume ""$Prefix-used:/data"" -Command true | Out-Null").AssertNoErrors();

            session.Run(@"Get-ContainerVolume -Name ""$Prefix-one"" | Remove-ContainerVolume -WhatIf").AssertNoErrors();
            Assert.Single(session.Run(@"Get-ContainerVolume -Name ""$Prefix-one""").Output);

            session.Run(@"Get-ContainerVolume -Name ""$Prefix-one"" | Remove-ContainerVolume; [pscustomobject]@{ Name = ""$Prefix-two"" } | Remove-ContainerVolume").AssertNoErrors();
            Assert.Empty(session.Run(@"Get-ContainerVolume -Name ""$Prefix-one*"", ""$Prefix-two*""").AssertNoErrors().Output);

            RunResult result = session.Run(@"Remove-ContainerVolume -Name ""$Prefix-gone"", ""$Prefix-used""");
            Assert.Null(result.Terminating);
            Assert.Equal(2, result.Errors.Count);
            Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
            Assert.StartsWith("VolumeNotFound", result.Errors[0].FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(session.Prefix + "-gone", result.Errors[0].TargetObject);
            Assert.Equal(ErrorCategory.ResourceBusy, result.Errors[1].CategoryInfo.Category);
            Assert.StartsWith("VolumeInUse", result.Errors[1].FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Single(session.Run(@"Get-ContainerVolume -Name ""$Prefix-used""").Output);
        }
    }
}
