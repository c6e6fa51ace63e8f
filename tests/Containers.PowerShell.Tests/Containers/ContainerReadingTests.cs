using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Views;
using Xunit;

namespace Containers.PowerShell.Tests.Containers
{
    /// <summary>
    /// The cmdlets that read a container (Get-Container, -Detail, -Process, -Change, -Statistics, -Log) through
    /// PowerShell: piped containers, names bound by property from plain objects and CSV rows, per-target errors, and
    /// their tables at 80 and 120 columns.
    /// </summary>
    public sealed class ContainerReadingTests
    {
        private static Dictionary<string, object?> Name(string name) => new Dictionary<string, object?> { ["name"] = name };

        /// <summary>A running container that wrote a line to each stream and made a file; returns once both lines are in its log.</summary>
        private static void StartReader(ModuleSession session, string name)
        {
            session.Run(@"
                $c = New-Container -Image $TestImage -Name $name -Command sh,-c,'echo out; echo err >&2; touch /tmp/made; sleep 300' | Start-Container -PassThru
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while (@(Get-ContainerLog -Name $name).Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }",
                Name(name)).AssertNoErrors();
        }

        [Fact]
        public async Task Process_change_and_log_read_a_piped_container_and_their_tables_are_grouped_by_its_name()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string name = session.Prefix + "-reader-with-long-name1";
            StartReader(session, name);

            RunResult processes = session.Run("Get-Container -Name $name | Get-ContainerProcess", Name(name)).AssertNoErrors();
            PSObject sleep = Assert.Single(processes.Output, process => ((string)process.Properties["Command"].Value).Contains("sleep 300", StringComparison.Ordinal));
            Assert.Equal(name, sleep.Properties["ContainerName"].Value);

            RunResult changes = session.Run("Get-Container -Name $name | Get-ContainerChange", Name(name)).AssertNoErrors();
            PSObject made = Assert.Single(changes.Output, change => (string)change.Properties["Path"].Value == "/tmp/made");
            Assert.Equal("Added", made.Properties["Kind"].Value.ToString());

            RunResult logs = session.Run(@"
                Get-Container -Name $name | Get-ContainerLog
                '--'
                [pscustomobject]@{ ContainerName = $name } | Get-ContainerLog -Stream Stderr
                '--'
                Get-ContainerLog -Name $name -Tail 1 -Timestamps", Name(name)).AssertNoErrors();
            string[] lines = logs.Output.Select(item => item.BaseObject is string marker ? marker : item.Properties["Stream"].Value + ":" + item.Properties["Text"].Value).ToArray();
            Assert.True(lines.Length == 6, string.Join(" | ", lines));
            Assert.Equal(new[] { "Stderr:err", "Stdout:out" }, lines.Take(2).OrderBy(line => line, StringComparer.Ordinal));
            Assert.Equal(new[] { "--", "Stderr:err", "--" }, lines.Skip(2).Take(3));
            Assert.NotNull(logs.Output[5].Properties["Timestamp"].Value);

            // docker top's and docker diff's tables, one group per container, headed by its name.
            RunResult views = session.Run(@"
                Get-ContainerProcess -Name $name | Out-String -Width 80
                Get-ContainerChange -Name $name | Out-String -Width 80", Name(name)).AssertNoErrors();
            string top = (string)views.Output[0].BaseObject;
            Assert.Contains("ContainerName: " + name, top, StringComparison.Ordinal);
            Assert.Equal(new[] { "User", "Pid", "ParentPid", "Started", "Tty", "Time", "Command" }, RenderedTable.Parse(top).Labels);
            Assert.Contains("sleep 300", RenderedTable.Parse(top).Cell("sleep", "Command"), StringComparison.Ordinal);
            string diff = (string)views.Output[1].BaseObject;
            Assert.Contains("ContainerName: " + name, diff, StringComparison.Ordinal);
            Assert.Equal("/tmp/made", RenderedTable.Parse(diff).Cell("/tmp/made", "Path"));
        }

        [Fact]
        public async Task Statistics_show_the_whole_name_first_at_80_and_the_IO_columns_at_120()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string name = session.Prefix + "-payments-reconciler3";
            StartReader(session, name);

            RunResult result = session.Run(@"
                $stats = Get-Container -Name $name | Get-ContainerStatistics
                $stats
                $stats | Out-String -Width 80
                $stats | Out-String -Width 120", Name(name)).AssertNoErrors();
            PSObject reading = result.Output[0];
            Assert.Equal(name, reading.Properties["Name"].Value);
            Assert.True(Convert.ToInt64(reading.Properties["Pids"].Value) >= 1, "Pids " + reading.Properties["Pids"].Value);

            RenderedTable narrow = RenderedTable.Parse((string)result.Output[1].BaseObject);
            Assert.Equal(new[] { "Name", "CPU %", "Mem Usage / Limit", "Mem %", "Pids" }, narrow.Labels);
            Assert.True(narrow.Width <= 80, narrow.Text);
            Assert.Equal(name, narrow.Cell(name, "Name"));
            RenderedTable wide = RenderedTable.Parse((string)result.Output[2].BaseObject);
            Assert.Equal(new[] { "Name", "CPU %", "Mem Usage / Limit", "Mem %", "Pids", "Net I/O", "Block I/O" }, wide.Labels);
            Assert.True(wide.Width <= 120, wide.Text);
            Assert.Matches(@" \d+(\.\d+)?[kMG]?B / \d+(\.\d+)?[kMG]?B$", wide.Row(name).TrimEnd());
        }

        [Fact]
        public async Task Names_bind_from_csv_rows_and_objects_and_a_missing_container_is_an_error_that_does_not_stop_the_others()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string name = session.Prefix + "-bound";
            session.Run("New-Container -Image $TestImage -Name $name -Command sh,-c,'exit 0' | Out-Null", Name(name)).AssertNoErrors();

            RunResult result = session.Run(@"
                $rows = @([pscustomobject]@{ Name = ""$Prefix-missing"" }, [pscustomobject]@{ Name = $name }) | ConvertTo-Csv | ConvertFrom-Csv
                $rows | Get-ContainerDetail
                'after'
                Get-ContainerDetail -Name $name | Get-Container -All
                Get-Container -All -Id (Get-ContainerDetail -Name $name).Id", Name(name));

            Assert.Null(result.Terminating);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ContainerNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(session.Prefix + "-missing", error.TargetObject);

            Assert.Equal(4, result.Output.Count);
            Assert.Equal(name, result.Output[0].Properties["Name"].Value);
            Assert.Equal("Containers.Models.ContainerDetail", result.Output[0].BaseObject.GetType().FullName);
            Assert.Equal("after", result.Output[1].BaseObject);
            Assert.All(result.Output.Skip(2), container =>
            {
                Assert.Equal("Containers.Models.Container", container.BaseObject.GetType().FullName);
                Assert.Equal(name, container.Properties["Name"].Value);
            });
        }
    }
}
