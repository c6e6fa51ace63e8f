using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Views;
using Xunit;

namespace Containers.PowerShell.Tests.Services
{
    /// <summary>
    /// The service cmdlets in PowerShell against the single-node swarm (<see cref="SwarmTestEngineProcess"/>): binding
    /// and the pipeline, waits and progress, errors with their ids, the views of docker service ls and ps, completion.
    /// Services are named with the session's prefix and removed at the end of each test.
    /// </summary>
    public sealed class ServiceCmdletTests
    {
        [Fact]
        public async Task A_service_is_created_listed_scaled_piped_to_its_tasks_and_logs_and_removed()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            try
            {
                RunResult made = Run(session, swarm, @"
                    New-ContainerService -Engine $SwarmHost -Name ""$Prefix-web"" -Image $SwarmImage -Replicas 2 -ResolveImage Never -Port '18081:80' `
                        -Command sh, -c, 'echo hello from $(hostname); exec sleep 3600' -Environment @{ A = 'b' } -Label @{ tier = 'front' }");
                made.AssertNoErrors();
                PSObject service = made.Single();
                Assert.Equal("Containers.Models.ContainerService", service.BaseObject.GetType().FullName);
                Assert.Equal(2UL, Value(service, "Running"));
                string id = (string)Value(service, "Id")!;
                Assert.Contains(made.Progress, p => p.StatusDescription.Contains("of 2 tasks running", StringComparison.Ordinal));

                RunResult views = Run(session, swarm, @"
                    $s = Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-*""
                    $s | Out-String -Width 80
                    $s | Out-String -Width 120
                    $t = $s | Get-ContainerServiceTask
                    $t | Out-String -Width 80
                    $t | Out-String -Width 120");
                views.AssertNoErrors();
                foreach (int i in new[] { 0, 1 })
                {
                    RenderedTable ls = RenderedTable.Parse((string)views.Output[i].BaseObject);
                    Assert.Equal(new[] { "Id", "Name", "Mode", "Replicas", "Image", "Ports" }, ls.Labels);
                    Assert.True(ls.Width <= (i == 0 ? 80 : 120), ls.Text);
                    Assert.Equal(id.Substring(0, 12), ls.Cell(id.Substring(0, 12), "Id"));
                    Assert.Equal("2/2", ls.Cell(id.Substring(0, 12), "Replicas"));
                    Assert.Equal("Replicated", ls.Cell(id.Substring(0, 12), "Mode"));
                    Assert.Contains("*:18081->80/tcp", ls.Row(id.Substring(0, 12)), StringComparison.Ordinal);
                    if (i == 1)
                    {
                        Assert.Equal(session.Prefix + "-web", ls.Cell(id.Substring(0, 12), "Name"));
                        // The test image's name (40 characters) shares what is left with the service's name and ports.
                        Assert.StartsWith("localhost/containers-test/", ls.Cell(id.Substring(0, 12), "Image"), StringComparison.Ordinal);
                    }

                    RenderedTable ps = RenderedTable.Parse((string)views.Output[2 + i].BaseObject);
                    Assert.Equal(new[] { "Id", "Name", "Image", "Node", "Desired", "CurrentState", "Error" }, ps.Labels);
                    Assert.True(ps.Width <= (i == 0 ? 80 : 120), ps.Text);
                    Assert.Equal(2, ps.Rows.Count);
                    if (i == 1)
                    {
                        // The task names (SERVICE.SLOT) and the node share what the fixed columns leave, and may be cut.
                        Assert.All(ps.Rows, row => Assert.Contains(session.Prefix + "-web", row, StringComparison.Ordinal));
                        Assert.All(ps.Rows, row => Assert.Matches(@"running\s+running (Less than a second|\d+ seconds?|About a minute|\d+ minutes) ago", row));
                    }
                }

                RunResult scaled = Run(session, swarm, @"
                    Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-web"" | Set-ContainerService -Replicas 3 -PassThru
                    (Get-ContainerServiceTask -Engine $SwarmHost -Service ""$Prefix-web"" -DesiredState Running).Count");
                scaled.AssertNoErrors();
                Assert.Equal(3UL, Value(scaled.Output[0], "Running"));
                Assert.Equal(3, (int)scaled.Output.Last().BaseObject);

                RunResult logs = Run(session, swarm, @"
                    $deadline = [DateTime]::UtcNow.AddMinutes(2)
                    do { $lines = @(Get-ContainerServiceLog -Engine $SwarmHost -Name ""$Prefix-web"") } until ($lines.Count -ge 3 -or [DateTime]::UtcNow -gt $deadline)
                    $lines");
                logs.AssertNoErrors();
                IReadOnlyList<PSObject> lines = logs.Output;
                Assert.Equal(3, lines.Count);
                Assert.All(lines, line =>
                {
                    Assert.Equal("Containers.Models.ContainerLogLine", line.BaseObject.GetType().FullName);
                    Assert.StartsWith("hello from ", (string)Value(line, "Text")!, StringComparison.Ordinal);
                    Assert.Equal(swarm.NodeName, Value(line, "NodeName"));
                    Assert.StartsWith(session.Prefix + "-web.", (string)Value(line, "ContainerName")!, StringComparison.Ordinal);
                });
                Assert.Equal(3, lines.Select(l => Value(l, "TaskId")).Distinct().Count());

                RunResult whatIf = Run(session, swarm, @"
                    Remove-ContainerService -Engine $SwarmHost -Name ""$Prefix-web"" -WhatIf
                    Set-ContainerService -Engine $SwarmHost -Name ""$Prefix-web"" -Replicas 1 -WhatIf
                    (Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-web"").Replicas");
                whatIf.AssertNoErrors();
                Assert.Equal(3UL, (ulong)whatIf.Output.Last().BaseObject);

                RunResult removed = Run(session, swarm, @"Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-web"" | Remove-ContainerService -PassThru; Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-*""");
                removed.AssertNoErrors();
                Assert.Equal(id, Value(removed.Single(), "Id"));
            }
            finally
            {
                Cleanup(session, swarm);
            }
        }

        [Fact]
        public async Task Failures_are_errors_with_stable_ids_and_categories()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            try
            {
                RunResult failing = Run(session, swarm, @"New-ContainerService -Engine $SwarmHost -Name ""$Prefix-bad"" -Image $SwarmImage -ResolveImage Never -Command sh, -c, 'exit 7'");
                ErrorRecord failed = Assert.Single(failing.Errors);
                Assert.StartsWith("ServiceTaskFailed,", failed.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidResult, failed.CategoryInfo.Category);
                Assert.Contains(session.Prefix + "-bad.1", failed.Exception.Message, StringComparison.Ordinal);
                Assert.Contains("non-zero exit (7)", failed.Exception.Message, StringComparison.Ordinal);
                Assert.Equal(session.Prefix + "-bad", Value(failing.Single(), "Name"));

                RunResult again = Run(session, swarm, @"New-ContainerService -Engine $SwarmHost -Name ""$Prefix-bad"" -Image $SwarmImage -ResolveImage Never -NoWait");
                ErrorRecord inUse = Assert.Single(again.AllErrors);
                Assert.StartsWith("ServiceNameInUse,", inUse.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ResourceExists, inUse.CategoryInfo.Category);

                RunResult missing = Run(session, swarm, @"
                    Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-none""
                    Remove-ContainerService -Engine $SwarmHost -Name ""$Prefix-none"", ""$Prefix-none*""
                    Get-ContainerServiceTask -Engine $SwarmHost -Service ""$Prefix-none""");
                Assert.Equal(3, missing.Errors.Count);
                Assert.All(missing.Errors, e =>
                {
                    Assert.StartsWith("ServiceNotFound,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
                    Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
                    Assert.Equal(session.Prefix + "-none", e.TargetObject);
                });

                RunResult badPort = Run(session, swarm, @"New-ContainerService -Engine $SwarmHost -Name ""$Prefix-port"" -Image $SwarmImage -Port '127.0.0.1:80:80'");
                ErrorRecord port = Assert.Single(badPort.AllErrors);
                Assert.StartsWith("InvalidPort,", port.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidArgument, port.CategoryInfo.Category);
                RunResult badLimit = Run(session, swarm, @"New-ContainerService -Engine $SwarmHost -Name ""$Prefix-limit"" -Image $SwarmImage -Limit @{ Disk = 1 }");
                Assert.StartsWith("InvalidLimit,", Assert.Single(badLimit.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
                RunResult none = Run(session, swarm, @"Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-port"", ""$Prefix-limit""");
                Assert.Equal(2, none.Errors.Count); // nothing was made

                // The session's own engine is in no swarm.
                RunResult notManager = session.Run("Get-ContainerService");
                ErrorRecord manager = Assert.Single(notManager.AllErrors);
                Assert.StartsWith("NotInSwarm,", manager.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidOperation, manager.CategoryInfo.Category);
            }
            finally
            {
                Cleanup(session, swarm);
            }
        }

        [Fact]
        public async Task NoWait_returns_at_once_a_new_image_rolls_out_Rollback_returns_and_names_complete()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            try
            {
                RunResult quick = Run(session, swarm, @"
                    Add-ContainerImageTag -Engine $SwarmHost -Name $SwarmImage -Tag ""localhost/containers-test/busybox:$Prefix""
                    New-ContainerService -Engine $SwarmHost -Name ""$Prefix-roll"" -Image $SwarmImage -ResolveImage Never -Replicas 2 -Command sleep, 3600 -NoWait");
                quick.AssertNoErrors();
                Assert.DoesNotContain(quick.Progress, p => p.Activity.StartsWith("Service ", StringComparison.Ordinal));

                RunResult rolled = Run(session, swarm, @"
                    Set-ContainerService -Engine $SwarmHost -Name ""$Prefix-roll"" -Image ""localhost/containers-test/busybox:$Prefix"" -ResolveImage Never -UpdateParallelism 2 -PassThru
                    Get-ContainerServiceTask -Engine $SwarmHost -Service ""$Prefix-roll"" -DesiredState Running
                    Set-ContainerService -Engine $SwarmHost -Name ""$Prefix-roll"" -Rollback -PassThru");
                rolled.AssertNoErrors();
                List<PSObject> states = rolled.Output.Where(o => o.BaseObject.GetType().Name == "ContainerService").ToList();
                List<PSObject> tasks = rolled.Output.Where(o => o.BaseObject.GetType().Name == "ContainerServiceTask").ToList();
                Assert.Equal(2, states.Count);
                Assert.Equal("localhost/containers-test/busybox:" + session.Prefix, Value(states[0], "Image"));
                Assert.Equal(2, tasks.Count);
                Assert.All(tasks, t => Assert.Equal(Value(states[0], "Image"), Value(t, "Image")));
                Assert.Equal(swarm.Image, Value(states[1], "Image"));
                Assert.Equal(2UL, Value(states[1], "Running"));

                IReadOnlyList<CompletionResult> completed = session.Complete($"Get-ContainerServiceTask -Engine {swarm.DockerHost} -Service {session.Prefix}-r");
                Assert.Equal(new[] { session.Prefix + "-roll" }, completed.Select(c => c.CompletionText));
                Assert.Equal(new[] { session.Prefix + "-roll" }, session.Complete($"Remove-ContainerService -Engine {swarm.DockerHost} {session.Prefix}-").Select(c => c.CompletionText));
            }
            finally
            {
                Cleanup(session, swarm);
                session.Run(@"Remove-ContainerImage -Engine $SwarmHost -Name ""localhost/containers-test/busybox:$Prefix"" -Force", Variables(swarm));
            }
        }

        [Fact]
        public async Task Secrets_and_configs_are_named_completed_and_given_to_the_tasks()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            string confFile = Path.Combine(Path.GetTempPath(), session.Prefix + ".conf");
            File.WriteAllText(confFile, "conf-value");
            try
            {
                RunResult made = Run(session, swarm, @"
                    New-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-pw"" -Value (ConvertTo-SecureString 'pw-value' -AsPlainText -Force) | Out-Null
                    New-ContainerConfig -Engine $SwarmHost -Name ""$Prefix-conf"" -Path (Join-Path ([IO.Path]::GetTempPath()) ""$Prefix.conf"") | Out-Null
                    New-ContainerService -Engine $SwarmHost -Name ""$Prefix-files"" -Image $SwarmImage -ResolveImage Never -Secret ""$Prefix-pw"" `
                        -Config ""source=$Prefix-conf,target=/app.conf"" -Command sh, -c, ""cat /run/secrets/$Prefix-pw; echo; cat /app.conf; echo; exec sleep 3600"" | Out-Null
                    $deadline = [DateTime]::UtcNow.AddMinutes(2)
                    do { $lines = @(Get-ContainerServiceLog -Engine $SwarmHost -Name ""$Prefix-files"") } until ($lines.Count -ge 2 -or [DateTime]::UtcNow -gt $deadline)
                    $lines.Text");
                made.AssertNoErrors();
                Assert.Equal(new[] { "pw-value", "conf-value" }, made.Output.Select(o => o.ToString()));
                Assert.Equal(new[] { session.Prefix + "-pw" }, session.Complete($"New-ContainerService -Engine {swarm.DockerHost} -Image x -Secret {session.Prefix}-p").Select(c => c.CompletionText));
                Assert.Equal(new[] { session.Prefix + "-conf" }, session.Complete($"New-ContainerService -Engine {swarm.DockerHost} -Image x -Config {session.Prefix}-c").Select(c => c.CompletionText));

                RunResult missing = Run(session, swarm, @"New-ContainerService -Engine $SwarmHost -Name ""$Prefix-nosecret"" -Image $SwarmImage -ResolveImage Never -Secret ""$Prefix-absent""");
                ErrorRecord absent = Assert.Single(missing.AllErrors);
                Assert.StartsWith("SecretNotFound,", absent.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ObjectNotFound, absent.CategoryInfo.Category);
            }
            finally
            {
                File.Delete(confFile);
                Cleanup(session, swarm);
                Run(session, swarm, @"
                    $deadline = [DateTime]::UtcNow.AddMinutes(2)
                    do { Remove-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-pw"" -ErrorAction SilentlyContinue -ErrorVariable failed } while ($failed -and [DateTime]::UtcNow -lt $deadline)
                    do { Remove-ContainerConfig -Engine $SwarmHost -Name ""$Prefix-conf"" -ErrorAction SilentlyContinue -ErrorVariable failed } while ($failed -and [DateTime]::UtcNow -lt $deadline)");
            }
        }

        private static object? Value(PSObject item, string property) => item.Properties[property]?.Value;

        private static RunResult Run(ModuleSession session, SwarmTestEngineProcess swarm, string script) => session.Run(script, Variables(swarm));

        private static Dictionary<string, object?> Variables(SwarmTestEngineProcess swarm) =>
            new Dictionary<string, object?> { ["SwarmHost"] = swarm.DockerHost, ["SwarmImage"] = swarm.Image };

        private static void Cleanup(ModuleSession session, SwarmTestEngineProcess swarm) =>
            Run(session, swarm, @"Get-ContainerService -Engine $SwarmHost -Name ""$Prefix*"" | Remove-ContainerService");
    }
}
