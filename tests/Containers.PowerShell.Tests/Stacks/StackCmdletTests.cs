using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Views;
using Xunit;

namespace Containers.PowerShell.Tests.Stacks
{
    /// <summary>
    /// The stack cmdlets in PowerShell against the single-node swarm (<see cref="SwarmTestEngineProcess"/>): a stack
    /// made of services, a network and a secret that carry the namespace label (as docker stack deploy labels them),
    /// listed, filtered with -Stack, completed, shown as docker stack ls shows it, piped to its removal. Stacks are
    /// named with the session's prefix and whatever is left of them is removed at the end of each test.
    /// </summary>
    public sealed class StackCmdletTests
    {
        [Fact]
        public async Task A_stack_is_listed_shown_filtered_completed_and_piped_to_its_removal_and_WhatIf_removes_nothing()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            try
            {
                RunResult made = Run(session, swarm, @"
                    $stack = ""$Prefix-shop""
                    $label = @{ 'com.docker.stack.namespace' = $stack }
                    New-ContainerNetwork -Engine $SwarmHost -Name ""${stack}_default"" -Driver overlay -Label $label | Out-Null
                    New-ContainerSecret -Engine $SwarmHost -Name ""${stack}_pw"" -Value (ConvertTo-SecureString 'pw' -AsPlainText -Force) -Label $label | Out-Null
                    foreach ($service in 'web', 'db') {
                        New-ContainerService -Engine $SwarmHost -Name ""${stack}_$service"" -Image $SwarmImage -ResolveImage Never -Label $label `
                            -Network ""${stack}_default"" -Secret ""${stack}_pw"" -Command sleep, 3600 | Out-Null
                    }
                    New-ContainerService -Engine $SwarmHost -Name ""$Prefix-alone"" -Image $SwarmImage -ResolveImage Never -Command sleep, 3600 | Out-Null
                    Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-*""");
                made.AssertNoErrors();
                PSObject stack = made.Single();
                Assert.Equal("Containers.Models.ContainerStack", stack.BaseObject.GetType().FullName);
                Assert.Equal(session.Prefix + "-shop", Value(stack, "Name"));
                Assert.Equal("Swarm", Value(stack, "Orchestrator"));

                RunResult filtered = Run(session, swarm, @"
                    (Get-ContainerService -Engine $SwarmHost -Stack ""$Prefix-shop"").Name
                    (Get-ContainerServiceTask -Engine $SwarmHost -Stack ""$Prefix-shop"" -DesiredState Running).Name");
                filtered.AssertNoErrors();
                Assert.Equal(
                    new[] { session.Prefix + "-shop_db", session.Prefix + "-shop_web", session.Prefix + "-shop_db.1", session.Prefix + "-shop_web.1" },
                    filtered.Output.Select(o => o.ToString()));

                RunResult views = Run(session, swarm, @"
                    $s = Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-shop""
                    $s | Out-String -Width 80
                    $s | Out-String -Width 120
                    $s | Format-List | Out-String -Width 120");
                views.AssertNoErrors();
                foreach (int i in new[] { 0, 1 })
                {
                    RenderedTable ls = RenderedTable.Parse((string)views.Output[i].BaseObject);
                    Assert.Equal(new[] { "Name", "Services", "Orchestrator" }, ls.Labels);
                    Assert.True(ls.Width <= (i == 0 ? 80 : 120), ls.Text);
                    Assert.Equal(session.Prefix + "-shop", ls.Cell(session.Prefix + "-shop", "Name"));
                    Assert.Equal("2", ls.Cell(session.Prefix + "-shop", "Services"));
                    Assert.Equal("Swarm", ls.Cell(session.Prefix + "-shop", "Orchestrator"));
                }

                Assert.Contains($"Services     : {session.Prefix}-shop_db, {session.Prefix}-shop_web", (string)views.Output[2].BaseObject, StringComparison.Ordinal);

                foreach (string typed in new[]
                {
                    $"Get-ContainerStack -Engine {swarm.DockerHost} {session.Prefix}-",
                    $"Remove-ContainerStack -Engine {swarm.DockerHost} -Name {session.Prefix}-s",
                    $"Get-ContainerService -Engine {swarm.DockerHost} -Stack {session.Prefix}-",
                    $"Get-ContainerServiceTask -Engine {swarm.DockerHost} -Stack {session.Prefix}-",
                })
                {
                    Assert.Equal(new[] { session.Prefix + "-shop" }, session.Complete(typed).Select(c => c.CompletionText));
                }

                RunResult whatIf = Run(session, swarm, @"
                    Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-shop"" | Remove-ContainerStack -WhatIf
                    (Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-shop"").Services.Count
                    @(Get-ContainerNetwork -Engine $SwarmHost -Name ""$Prefix-shop_default"").Count");
                whatIf.AssertNoErrors();
                Assert.Equal(new[] { 2, 1 }, whatIf.Output.Select(o => (int)o.BaseObject));

                RunResult removed = Run(session, swarm, @"
                    Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-*"" | Remove-ContainerStack -PassThru
                    @(Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-*"").Count
                    @(Get-ContainerNetwork -Engine $SwarmHost -Name ""$Prefix-shop*"").Count
                    @(Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-shop*"").Count
                    (Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-*"").Name");
                removed.AssertNoErrors();
                Assert.Equal(session.Prefix + "-shop", Value(removed.Output[0], "Name"));
                Assert.Equal(new object[] { 0, 0, 0, session.Prefix + "-alone" }, removed.Output.Skip(1).Select(o => o.BaseObject));
            }
            finally
            {
                Cleanup(session, swarm);
            }
        }

        [Fact]
        public async Task Missing_stacks_are_StackNotFound_errors_that_do_not_stop_the_pipeline_and_outside_a_swarm_NotInSwarm()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            try
            {
                RunResult missing = Run(session, swarm, @"
                    Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-none"", ""$Prefix-none*""
                    ""$Prefix-none"", ""$Prefix-none2"" | Remove-ContainerStack -Engine $SwarmHost
                    Get-ContainerService -Engine $SwarmHost -Stack ""$Prefix-none""
                    Get-ContainerServiceTask -Engine $SwarmHost -Stack ""$Prefix-none""
                    'after'");
                Assert.Equal(new[] { "after" }, missing.Output.Select(o => o.ToString()));
                Assert.Null(missing.Terminating);
                Assert.Equal(5, missing.Errors.Count);
                Assert.All(missing.Errors, e =>
                {
                    Assert.StartsWith("StackNotFound,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
                    Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
                    Assert.Equal("List the stacks with Get-ContainerStack.", e.ErrorDetails?.RecommendedAction);
                });
                Assert.Equal(
                    new[] { session.Prefix + "-none", session.Prefix + "-none", session.Prefix + "-none2", session.Prefix + "-none", session.Prefix + "-none" },
                    missing.Errors.Select(e => e.TargetObject));

                // The session's own engine is in no swarm.
                RunResult outside = session.Run("Get-ContainerStack");
                ErrorRecord notInSwarm = Assert.Single(outside.AllErrors);
                Assert.StartsWith("NotInSwarm,", notInSwarm.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidOperation, notInSwarm.CategoryInfo.Category);
            }
            finally
            {
                Cleanup(session, swarm);
            }
        }

        private static object? Value(PSObject item, string property) => item.Properties[property]?.Value;

        private static RunResult Run(ModuleSession session, SwarmTestEngineProcess swarm, string script) => session.Run(script, Variables(swarm));

        private static Dictionary<string, object?> Variables(SwarmTestEngineProcess swarm) =>
            new Dictionary<string, object?> { ["SwarmHost"] = swarm.DockerHost, ["SwarmImage"] = swarm.Image };

        // What a failed test left: the session's services, then the stack's network and secret once their tasks let go.
        private static void Cleanup(ModuleSession session, SwarmTestEngineProcess swarm) =>
            Run(session, swarm, @"
                Get-ContainerService -Engine $SwarmHost -Name ""$Prefix*"" | Remove-ContainerService
                $deadline = [DateTime]::UtcNow.AddMinutes(2)
                do { Remove-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-shop_pw"" -ErrorAction SilentlyContinue -ErrorVariable failed } while ($failed -and $failed[0].FullyQualifiedErrorId -notlike 'SecretNotFound*' -and [DateTime]::UtcNow -lt $deadline)
                do { Remove-ContainerNetwork -Engine $SwarmHost -Name ""$Prefix-shop_default"" -ErrorAction SilentlyContinue -ErrorVariable failed } while ($failed -and $failed[0].FullyQualifiedErrorId -notlike 'NetworkNotFound*' -and [DateTime]::UtcNow -lt $deadline)");
    }
}
