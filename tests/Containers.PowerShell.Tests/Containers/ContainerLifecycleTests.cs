using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Containers
{
    /// <summary>
    /// The container lifecycle as a user types it: New-Container, Start-, Stop-, Restart-, Suspend-, Resume-, Rename-,
    /// Wait-, Update- and Remove-Container bound by value (names, objects) and by property name (objects, CSV rows,
    /// deserialized job output), with -PassThru, -WhatIf and -Confirm:$false, and pipelines from one to the next.
    /// </summary>
    public sealed class ContainerLifecycleTests
    {
        [Fact]
        public async Task A_container_goes_through_its_lifecycle_piped_from_cmdlet_to_cmdlet()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $c = New-Container -Image $TestImage -Name ""$Prefix-cycle"" -Command sleep, 300
                $c.State
                ($c | Start-Container -PassThru).State
                ($c | Suspend-Container -PassThru).State
                ($c | Resume-Container -PassThru).State
                $renamed = $c | Rename-Container -NewName ""$Prefix-renamed"" -PassThru
                $renamed.Name
                $renamed.Id -eq $c.Id
                ($renamed | Restart-Container -Timeout 1 -PassThru).State
                ($renamed | Update-Container -Memory 64MB -MemorySwap 128MB -PassThru).Name
                (Get-ContainerDetail -Name ""$Prefix-renamed"").HostConfig.Memory
                ($renamed | Stop-Container -Force -PassThru).State
                ($renamed | Wait-Container).ExitCode
                $renamed | Remove-Container -Confirm:$false
                @(Get-Container -All -Name ""$Prefix-*"").Count").AssertNoErrors();

            Assert.Equal(
                new object[] { "created", "running", "paused", "running", session.Prefix + "-renamed", true, "running", session.Prefix + "-renamed", 64L * 1024 * 1024, "exited", 137L, 0 },
                result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task The_pause_resume_restart_rename_pipeline_of_a_detached_run_gives_the_new_name()
        {
            // What the Pester test did when it read $null for the renamed container's Name. It was not the module: on the
            // test engine (dockerd 20.10 started with --bridge none) a running container on the default network that has
            // been restarted cannot be renamed; the engine answers 404 "sandbox ... not found" (docker rename fails the
            // same way), so -PassThru had nothing to return. On network none the engine renames it.
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $container = Invoke-ContainerImage -Image $TestImage -Name ""$Prefix-cycle"" -Network none -Command 'sleep', '300' -Detach
                ($container | Suspend-Container -PassThru).State
                ($container | Resume-Container -PassThru).State
                ($container | Restart-Container -Timeout 1 -PassThru).State
                $renamed = $container | Rename-Container -NewName ""$Prefix-cycle-renamed"" -PassThru
                $renamed.Name
                (Get-ContainerDetail -Name ""$Prefix-cycle-renamed"").Id -eq $container.Id
                Stop-Container -Name ""$Prefix-cycle-renamed"" -Force
                (Wait-Container -Name ""$Prefix-cycle-renamed"").ExitCode").AssertNoErrors();

            Assert.Equal(new object[] { "paused", "running", "running", session.Prefix + "-cycle-renamed", true, 137L }, result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task Names_bind_by_value_and_by_property_name_from_objects_CSV_rows_and_job_output()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(@"
                1..3 | ForEach-Object { $null = New-Container -Image $TestImage -Name ""$Prefix-b$_"" -Command sleep, 300 }").AssertNoErrors();

            // Strings by value; rows of Import-Csv by the Name column; objects with only an Id by property name (alias Id).
            RunResult byValue = session.Run("\"$Prefix-b1\" | Start-Container -PassThru | ForEach-Object State").AssertNoErrors();
            RunResult byCsv = session.Run(@"
                $csv = Join-Path ([IO.Path]::GetTempPath()) ""$Prefix.csv""
                Get-Container -All -Name ""$Prefix-b2"" | Select-Object Name | Export-Csv -Path $csv -NoTypeInformation
                Import-Csv -Path $csv | Start-Container -PassThru | ForEach-Object State
                Remove-Item $csv").AssertNoErrors();
            RunResult byId = session.Run("[pscustomobject]@{ Id = (Get-Container -All -Name \"$Prefix-b3\").Id } | Start-Container -PassThru | ForEach-Object Name").AssertNoErrors();
            // What a job or remoting gives back: a deserialized container, bound by its Name property.
            RunResult byJob = session.Run(@"
                $row = [Management.Automation.PSSerializer]::Deserialize([Management.Automation.PSSerializer]::Serialize((Get-Container -Name ""$Prefix-b1"")))
                $row.PSObject.TypeNames[0]
                $row | Stop-Container -Force -PassThru | ForEach-Object State").AssertNoErrors();

            Assert.Equal("running", byValue.Single().BaseObject);
            Assert.Equal("running", byCsv.Single().BaseObject);
            Assert.Equal(session.Prefix + "-b3", byId.Single().BaseObject);
            Assert.Equal(new object[] { "Deserialized.Containers.Models.Container", "exited" }, byJob.Output.Select(item => item.BaseObject).ToArray());

            // A wildcard (b1 is stopped already, which is no error, as with docker stop).
            RunResult wildcard = session.Run("Stop-Container -Name \"$Prefix-b*\" -Force -PassThru | Sort-Object Name | ForEach-Object { $_.Name + ':' + $_.State }").AssertNoErrors();
            Assert.Equal(new object[] { session.Prefix + "-b1:exited", session.Prefix + "-b2:exited", session.Prefix + "-b3:exited" }, wildcard.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task WhatIf_changes_nothing_and_Confirm_false_removes_without_asking()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("$null = Invoke-ContainerImage -Image $TestImage -Name \"$Prefix-w\" -Command sleep, 300 -Detach").AssertNoErrors();

            RunResult whatIf = session.Run(@"
                New-Container -Image $TestImage -Name ""$Prefix-never"" -WhatIf
                Invoke-ContainerImage -Image $TestImage -Name ""$Prefix-never"" -Command true -WhatIf
                Stop-Container -Name ""$Prefix-w"" -WhatIf
                Suspend-Container -Name ""$Prefix-w"" -WhatIf
                Restart-Container -Name ""$Prefix-w"" -WhatIf
                Rename-Container -Name ""$Prefix-w"" -NewName ""$Prefix-other"" -WhatIf
                Update-Container -Name ""$Prefix-w"" -Memory 32MB -WhatIf
                Invoke-ContainerCommand -Name ""$Prefix-w"" -Command touch, /whatif -WhatIf
                Remove-Container -Name ""$Prefix-w"" -Force -WhatIf
                $c = Get-Container -All -Name ""$Prefix-*""
                $c.Name; $c.State
                (Get-ContainerDetail -Name ""$Prefix-w"").HostConfig.Memory").AssertNoErrors();
            Assert.Equal(new object[] { session.Prefix + "-w", "running", 0L }, whatIf.Output.Select(item => item.BaseObject).ToArray());

            session.Run(@"Get-Container -Name ""$Prefix-w"" | Remove-Container -Force -Confirm:$false").AssertNoErrors();
            ContainerAssert.Gone(session, "$Prefix-w");
        }

        [Theory]
        [InlineData("Start-Container -Name $missing")]
        [InlineData("Stop-Container -Name $missing")]
        [InlineData("Restart-Container -Name $missing")]
        [InlineData("Suspend-Container -Name $missing")]
        [InlineData("Resume-Container -Name $missing")]
        [InlineData("Rename-Container -Name $missing -NewName \"$Prefix-new\"")]
        [InlineData("Wait-Container -Name $missing")]
        [InlineData("Update-Container -Name $missing -Memory 64MB")]
        [InlineData("Remove-Container -Name $missing -Confirm:$false")]
        [InlineData("Invoke-ContainerCommand -Name $missing -Command true")]
        [InlineData("Export-Container -Name $missing -Path (Join-Path ([IO.Path]::GetTempPath()) \"$Prefix.tar\")")]
        [InlineData("ConvertTo-ContainerImage -Name $missing -Repository \"localhost/$Prefix/never\"")]
        [InlineData("Copy-ContainerItem -FromContainer $missing -Path /etc/hostname -Destination ([IO.Path]::GetTempPath())")]
        [InlineData("Copy-ContainerItem -Path (New-Item -ItemType File -Force -Path (Join-Path ([IO.Path]::GetTempPath()) \"$Prefix.txt\")).FullName -ToContainer $missing -Destination /tmp")]
        public async Task A_missing_container_is_a_non_terminating_ContainerNotFound_naming_it(string command)
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run("$missing = \"$Prefix-missing\"; " + command + "; 'went on'"
                + "; Remove-Item (Join-Path ([IO.Path]::GetTempPath()) \"$Prefix.txt\") -ErrorAction Ignore");

            Assert.Null(result.Terminating);
            Assert.Equal("went on", result.Single().BaseObject);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ContainerNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            // Copy-ContainerItem names the container and its path (NAME:/path).
            Assert.StartsWith(session.Prefix + "-missing", error.TargetObject?.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_parameter_sets_take_names_or_objects_but_not_both()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("$null = New-Container -Image $TestImage -Name \"$Prefix-set\" -Command sleep, 300").AssertNoErrors();

            RunResult byObject = session.Run("Start-Container -Container (Get-Container -All -Name \"$Prefix-set\") -PassThru | ForEach-Object State").AssertNoErrors();
            Assert.Equal("running", byObject.Single().BaseObject);
            RunResult both = session.Run("Stop-Container -Name \"$Prefix-set\" -Container (Get-Container -Name \"$Prefix-set\")");
            Assert.StartsWith("AmbiguousParameterSet,", Assert.Single(both.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
            RunResult prune = session.Run("Remove-Container -Name \"$Prefix-set\" -Stopped");
            Assert.StartsWith("AmbiguousParameterSet,", Assert.Single(prune.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal("running", session.Run("(Get-Container -Name \"$Prefix-set\").State").AssertNoErrors().Single().BaseObject);
        }
    }
}
