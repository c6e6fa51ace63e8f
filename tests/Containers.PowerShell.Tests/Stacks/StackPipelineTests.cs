using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Stacks
{
    /// <summary>
    /// Stack objects piped to the service cmdlets, against the single-node swarm (<see cref="SwarmTestEngineProcess"/>):
    /// two stacks, web and db, and beside them a service that is not in a stack but is called web, as the first stack is.
    /// A piped stack gives its own services and tasks (docker stack services, docker stack ps), on the stack's engine (the
    /// session's own is in no swarm, so any other would fail), never the service that shares its name; a cmdlet that
    /// would take the stack's name for a service's (Remove-ContainerService) refuses it and removes nothing.
    /// </summary>
    public sealed class StackPipelineTests
    {
        [Fact]
        public async Task Piped_stacks_give_their_own_services_and_tasks_not_the_service_named_like_the_stack()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            string web = session.Prefix + "-web", db = session.Prefix + "-db";
            try
            {
                Run(session, swarm, @"
                    foreach ($service in 'web_front', 'web_api', 'db_main') {
                        $stack = ""$Prefix-"" + $service.Split('_')[0]
                        New-ContainerService -Engine $SwarmHost -Name ""$Prefix-$service"" -Image $SwarmImage -ResolveImage Never `
                            -Label @{ 'com.docker.stack.namespace' = $stack } -Command sleep, 3600 | Out-Null
                    }
                    New-ContainerService -Engine $SwarmHost -Name ""$Prefix-web"" -Image $SwarmImage -ResolveImage Never -Command sleep, 3600 | Out-Null").AssertNoErrors();

                // No -Engine after the pipe: each stack brings its own.
                RunResult services = Run(session, swarm, @"
                    $web = Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-web""
                    ($web | Get-ContainerService).Name
                    '--'
                    (Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-*"" | Get-ContainerService).Name
                    '--'
                    (Get-ContainerService -StackObject $web).Name
                    '--'
                    @($web | Get-ContainerService | Where-Object { $_.Engine.Name -ne $web.Engine.Name }).Count");
                services.AssertNoErrors();
                Assert.Equal(
                    new[] { web + "_api", web + "_front", "--", db + "_main", web + "_api", web + "_front", "--", web + "_api", web + "_front", "--", "0" },
                    services.Output.Select(o => o.ToString()));

                RunResult tasks = Run(session, swarm, @"
                    (Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-web"" | Get-ContainerServiceTask -DesiredState Running).Name
                    '--'
                    (Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-*"" | Get-ContainerServiceTask -DesiredState Running).Name
                    '--'
                    (Get-ContainerServiceTask -StackObject (Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-db"") -DesiredState Running).Service");
                tasks.AssertNoErrors();
                Assert.Equal(
                    new[] { web + "_api.1", web + "_front.1", "--", db + "_main.1", web + "_api.1", web + "_front.1", "--", db + "_main" },
                    tasks.Output.Select(o => o.ToString()));

                // Strings still name services: the one called web, not the stack.
                RunResult named = Run(session, swarm, @"
                    (""$Prefix-web"" | Get-ContainerService -Engine $SwarmHost).Name
                    (""$Prefix-web"" | Get-ContainerServiceTask -Engine $SwarmHost -DesiredState Running).Name");
                named.AssertNoErrors();
                Assert.Equal(new[] { web, web + ".1" }, named.Output.Select(o => o.ToString()));
            }
            finally
            {
                Cleanup(session, swarm);
            }
        }

        [Fact]
        public async Task A_piped_stack_is_refused_by_Remove_ContainerService_and_the_stacks_services_piped_are_removed()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            string web = session.Prefix + "-web", db = session.Prefix + "-db";
            try
            {
                Run(session, swarm, @"
                    foreach ($service in 'web_front', 'web_api', 'db_main') {
                        $stack = ""$Prefix-"" + $service.Split('_')[0]
                        New-ContainerService -Engine $SwarmHost -Name ""$Prefix-$service"" -Image $SwarmImage -ResolveImage Never `
                            -Label @{ 'com.docker.stack.namespace' = $stack } -Command sleep, 3600 | Out-Null
                    }
                    New-ContainerService -Engine $SwarmHost -Name ""$Prefix-web"" -Image $SwarmImage -ResolveImage Never -Command sleep, 3600 | Out-Null").AssertNoErrors();

                RunResult refused = Run(session, swarm, @"Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-web"" | Remove-ContainerService");
                Assert.Empty(refused.Output);
                ErrorRecord refusal = Assert.Single(refused.AllErrors);
                Assert.StartsWith("InvalidPipelineInput,", refusal.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidArgument, refusal.CategoryInfo.Category);
                Assert.Contains($"Remove-ContainerService was given the stack '{web}'", refusal.ToString(), StringComparison.Ordinal);
                Assert.Contains("Remove-ContainerStack", refusal.ToString(), StringComparison.Ordinal);
                Assert.Equal("Containers.Models.ContainerStack", refusal.TargetObject?.GetType().FullName);

                // Set-ContainerService and Get-ContainerServiceLog share the refusal.
                RunResult set = Run(session, swarm, @"Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-web"" | Set-ContainerService -Replicas 0");
                Assert.StartsWith("InvalidPipelineInput,", Assert.Single(set.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);

                RunResult untouched = Run(session, swarm, @"
                    (Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-*"").Name
                    (Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-web"").Replicas");
                untouched.AssertNoErrors();
                Assert.Equal(new object[] { db + "_main", web, web + "_api", web + "_front", 1L }, untouched.Output.Select(o => o.BaseObject is string s ? s : (object)Convert.ToInt64(o.BaseObject)));

                // The stack's services, got first, are what is removed, each asked for; -WhatIf removes none.
                RunResult whatIf = Run(session, swarm, @"
                    Get-ContainerService -Engine $SwarmHost -Stack ""$Prefix-web"" | Remove-ContainerService -WhatIf
                    @(Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-*"").Count");
                whatIf.AssertNoErrors();
                Assert.Equal(4, Assert.Single(whatIf.Output).BaseObject);

                RunResult removed = Run(session, swarm, @"
                    (Get-ContainerService -Engine $SwarmHost -Stack ""$Prefix-web"" | Remove-ContainerService -PassThru).Name
                    '--'
                    (Get-ContainerStack -Engine $SwarmHost -Name ""$Prefix-db"" | Get-ContainerService | Remove-ContainerService -PassThru).Name
                    '--'
                    (Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-*"").Name");
                removed.AssertNoErrors();
                Assert.Equal(new[] { web + "_api", web + "_front", "--", db + "_main", "--", web }, removed.Output.Select(o => o.ToString()));
            }
            finally
            {
                Cleanup(session, swarm);
            }
        }

        private static RunResult Run(ModuleSession session, SwarmTestEngineProcess swarm, string script) =>
            session.Run(script, new Dictionary<string, object?> { ["SwarmHost"] = swarm.DockerHost, ["SwarmImage"] = swarm.Image });

        private static void Cleanup(ModuleSession session, SwarmTestEngineProcess swarm) =>
            Run(session, swarm, @"Get-ContainerService -Engine $SwarmHost -Name ""$Prefix*"" | Remove-ContainerService");
    }
}
