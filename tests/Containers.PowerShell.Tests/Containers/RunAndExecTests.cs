using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Containers
{
    /// <summary>
    /// Invoke-ContainerImage (docker run), Invoke-ContainerCommand (docker exec) and Enter-Container through PowerShell:
    /// output as strings in the pipeline, standard error in the error stream, -PassThru's one object, binding of -Image
    /// from image objects and rows, and Enter-Container refused in a host without a console.
    /// </summary>
    public sealed class RunAndExecTests
    {
        [Fact]
        public async Task A_run_streams_output_lines_and_standard_error_as_the_native_command_it_mimics()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                Invoke-ContainerImage -Image $TestImage -Command sh, -c, 'echo one; echo warn >&2; echo two' -Remove -Environment @{ A = 'b' } |
                    ForEach-Object { ""[$_]"" }");

            Assert.Equal(new object[] { "[one]", "[two]" }, result.Output.Select(item => item.BaseObject).ToArray());
            ErrorRecord stderr = Assert.Single(result.Errors);
            Assert.StartsWith("ContainerStandardError,", stderr.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.FromStdErr, stderr.CategoryInfo.Category);
            Assert.Equal("warn", stderr.Exception.Message);
        }

        [Fact]
        public async Task The_image_binds_from_an_image_object_and_by_property_name_and_Detach_returns_the_container()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult fromImage = session.Run("Get-ContainerImage -Name $TestImage | Invoke-ContainerImage -Command echo, from-image -Remove").AssertNoErrors();
            RunResult fromRow = session.Run("[pscustomobject]@{ ImageName = $TestImage } | New-Container -Name \"$Prefix-row\" -Command true | ForEach-Object { $_.Name, $_.Image }").AssertNoErrors();
            RunResult detached = session.Run(@"
                $c = Invoke-ContainerImage -Image $TestImage -Name ""$Prefix-d"" -Command sleep, 300 -Detach
                $c.GetType().Name, $c.State").AssertNoErrors();

            Assert.Equal("from-image", fromImage.Single().BaseObject);
            Assert.Equal(new object[] { session.Prefix + "-row", session.Engine.Image }, fromRow.Output.Select(item => item.BaseObject).ToArray());
            Assert.Equal(new object[] { "Container", "running" }, detached.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task Exec_runs_in_containers_piped_by_object_or_named_and_PassThru_returns_one_result()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("1..2 | ForEach-Object { $null = Invoke-ContainerImage -Image $TestImage -Name \"$Prefix-x$_\" -Command sleep, 300 -Detach }").AssertNoErrors();

            RunResult piped = session.Run("Get-Container -Name \"$Prefix-x*\" | Sort-Object Name | Invoke-ContainerCommand -Command hostname").AssertNoErrors();
            RunResult named = session.Run("Invoke-ContainerCommand -Name \"$Prefix-x1\" -Command sh, -c, 'cat; echo $GREETING; pwd' -InputText \"in`n\" -Environment @{ GREETING = 'hi' } -WorkingDirectory /tmp").AssertNoErrors();
            RunResult passThru = session.Run(@"
                $r = Invoke-ContainerCommand -Name ""$Prefix-x2"" -Command sh, -c, 'echo out; echo err >&2' -PassThru
                $r.GetType().Name, $r.ExitCode, ($r.Output -join ','), ($r.Error -join ',')").AssertNoErrors();

            Assert.Equal(2, piped.Output.Count);
            Assert.Equal(new object[] { "in", "hi", "/tmp" }, named.Output.Select(item => item.BaseObject).ToArray());
            Assert.Equal(new object[] { "ContainerCommandResult", 0, "out", "err" }, passThru.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task Enter_Container_is_refused_cleanly_in_a_host_without_a_console()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("$null = Invoke-ContainerImage -Image $TestImage -Name \"$Prefix-enter\" -Command sleep, 300 -Detach").AssertNoErrors();

            RunResult byName = session.Run("Enter-Container -Name \"$Prefix-enter\"; 'went on'");
            RunResult byObject = session.Run("Get-Container -Name \"$Prefix-enter\" | Enter-Container");

            Assert.Equal("went on", byName.Single().BaseObject);
            foreach (RunResult result in new[] { byName, byObject })
            {
                ErrorRecord error = Assert.Single(result.Errors);
                Assert.StartsWith("InteractiveConsoleRequired,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
                Assert.Contains("Invoke-ContainerCommand", error.Exception.Message, StringComparison.Ordinal);
            }
        }
    }
}
