using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Services
{
    /// <summary>
    /// Set-ContainerService's task parameters, -Timeout on the service waits, and Get-ContainerServiceLog -Follow over
    /// several services, in PowerShell against the single-node swarm (<see cref="SwarmTestEngineProcess"/>).
    /// </summary>
    public sealed class ServiceSettingsCmdletTests
    {
        [Fact]
        public async Task Set_changes_the_command_and_environment_the_new_tasks_see_and_an_empty_table_clears()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            try
            {
                RunResult made = Run(session, swarm, @"
                    New-ContainerService -Engine $SwarmHost -Name ""$Prefix-env"" -Image $SwarmImage -ResolveImage Never -Command sleep, 3600 -Environment @{ OLD = 'x' } -Label @{ keep = 'me' } | Out-Null
                    Set-ContainerService -Engine $SwarmHost -Name ""$Prefix-env"" sh, -c, 'echo ""B=$B OLD=$OLD dir=$(pwd)""; exec sleep 3600' -Environment @{ B = '2' } -WorkingDirectory /tmp -PassThru");
                made.AssertNoErrors();
                Assert.Equal(1UL, Value(made.Single(), "Running"));
                Assert.Equal("B=2 OLD= dir=/tmp", LastLine(session, swarm, "env"));
                RunResult labels = Run(session, swarm, @"(Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-env"").Labels['keep']");
                Assert.Equal("me", labels.Single().BaseObject);

                RunResult cleared = Run(session, swarm, @"Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-env"" | Set-ContainerService -Environment @{} -WorkingDirectory ''");
                cleared.AssertNoErrors();
                Assert.Empty(cleared.Output);
                Assert.Equal("B= OLD= dir=/", LastLine(session, swarm, "env"));
            }
            finally
            {
                Cleanup(session, swarm);
            }
        }

        [Fact]
        public async Task Timeout_ends_the_wait_for_tasks_that_cannot_run_with_an_error_and_the_service_stays()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            try
            {
                RunResult waited = Run(session, swarm, @"
                    New-ContainerService -Engine $SwarmHost -Name ""$Prefix-nowhere"" -Image $SwarmImage -ResolveImage Never -Command sleep, 3600 `
                        -Constraint 'node.labels.containers-test-never==true' -Timeout 2");
                ErrorRecord timedOut = Assert.Single(waited.Errors);
                Assert.StartsWith("ServiceConvergenceTimeout,", timedOut.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.OperationTimeout, timedOut.CategoryInfo.Category);
                Assert.Contains($"'{session.Prefix}-nowhere'", timedOut.Exception.Message, StringComparison.Ordinal);
                Assert.Contains("0 of 1 running", timedOut.Exception.Message, StringComparison.Ordinal);
                Assert.Equal(session.Prefix + "-nowhere", Value(waited.Single(), "Name"));

                RunResult set = Run(session, swarm, @"Set-ContainerService -Engine $SwarmHost -Name ""$Prefix-nowhere"" -Replicas 2 -Timeout 1");
                ErrorRecord again = Assert.Single(set.Errors);
                Assert.StartsWith("ServiceConvergenceTimeout,", again.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Contains("0 of 2 running", again.Exception.Message, StringComparison.Ordinal);
            }
            finally
            {
                Cleanup(session, swarm);
            }
        }

        [Fact]
        public async Task Follow_writes_the_lines_of_every_piped_service_as_they_come_until_stopped()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            try
            {
                RunResult made = Run(session, swarm, @"
                    foreach ($n in 'a', 'b') {
                        New-ContainerService -Engine $SwarmHost -Name ""$Prefix-tick-$n"" -Image $SwarmImage -ResolveImage Never `
                            -Command sh, -c, ""while true; do echo tick-$n; sleep 0.3; done"" | Out-Null
                    }
                    $global:followed = [System.Collections.Generic.List[object]]::new()");
                made.AssertNoErrors();

                (TimeSpan stopTook, Exception? error) = session.RunAndStop(
                    @"Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-tick-*"" | Get-ContainerServiceLog -Follow -Tail 0 | ForEach-Object { $global:followed.Add($_) }",
                    TimeSpan.FromSeconds(8));
                Assert.True(error == null || error is PipelineStoppedException, error?.ToString());
                Assert.True(stopTook < TimeSpan.FromSeconds(5), $"The stop took {stopTook}.");

                RunResult seen = session.Run(@"$global:followed | Group-Object Text | Sort-Object Name | ForEach-Object { '{0}:{1}' -f $_.Name, ($_.Count -ge 3) }");
                Assert.Equal(new[] { "tick-a:True", "tick-b:True" }, seen.Output.Select(o => o.ToString()));
            }
            finally
            {
                Cleanup(session, swarm);
            }
        }

        // The last line the service's current task wrote (waiting for it to write one).
        private static string? LastLine(ModuleSession session, SwarmTestEngineProcess swarm, string service)
        {
            RunResult read = Run(session, swarm, @"
                $task = Get-ContainerServiceTask -Engine $SwarmHost -Service ""$Prefix-" + service + @""" -DesiredState Running | Select-Object -First 1
                $deadline = [DateTime]::UtcNow.AddMinutes(2)
                do { $lines = @(Get-ContainerServiceLog -Engine $SwarmHost -Name ""$Prefix-" + service + @""" | Where-Object TaskId -eq $task.Id) } until ($lines.Count -ge 1 -or [DateTime]::UtcNow -gt $deadline)
                $lines[-1].Text");
            read.AssertNoErrors();
            return read.Output.LastOrDefault()?.ToString();
        }

        private static object? Value(PSObject item, string property) => item.Properties[property]?.Value;

        private static RunResult Run(ModuleSession session, SwarmTestEngineProcess swarm, string script) => session.Run(script, Variables(swarm));

        private static Dictionary<string, object?> Variables(SwarmTestEngineProcess swarm) =>
            new Dictionary<string, object?> { ["SwarmHost"] = swarm.DockerHost, ["SwarmImage"] = swarm.Image };

        private static void Cleanup(ModuleSession session, SwarmTestEngineProcess swarm) =>
            Run(session, swarm, @"Get-ContainerService -Engine $SwarmHost -Name ""$Prefix*"" | Remove-ContainerService");
    }
}
