using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Stacks
{
    /// <summary>
    /// Publish-ContainerStack in PowerShell against the single-node swarm (<see cref="SwarmTestEngineProcess"/>): binding
    /// by position, the stack it returns, -WhatIf, and its errors' ids and categories. Stacks are named with the
    /// session's prefix and taken down at the end of each test.
    /// </summary>
    public sealed class PublishContainerStackTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("cps-stack-").FullName;

        [Fact]
        public async Task A_stack_is_deployed_by_position_returned_as_a_ContainerStack_and_WhatIf_makes_nothing()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            string file = Write("stack.yml", @"
services:
  web:
    image: ${IMAGE}
    command: sleep 3600
  worker:
    image: ${IMAGE}
    command: sleep 3600
    deploy:
      replicas: 2
");
            try
            {
                RunResult whatIf = Run(session, swarm, file, @"
                    Publish-ContainerStack ""$Prefix-stk"" $File -Environment @{ IMAGE = $SwarmImage } -ResolveImage Never -Engine $SwarmHost -WhatIf
                    @(Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-stk_*"").Count
                    @(Get-ContainerNetwork -Engine $SwarmHost -Name ""$Prefix-stk_*"").Count");
                whatIf.AssertNoErrors();
                Assert.Equal(new object[] { 0, 0 }, whatIf.Output.Select(item => item.BaseObject));

                RunResult deployed = Run(session, swarm, file, @"Publish-ContainerStack ""$Prefix-stk"" $File -Environment @{ IMAGE = $SwarmImage } -ResolveImage Never -Engine $SwarmHost");
                deployed.AssertNoErrors();
                PSObject stack = deployed.Single();
                Assert.Equal("Containers.Models.ContainerStack", stack.BaseObject.GetType().FullName);
                Assert.Equal(session.Prefix + "-stk", stack.Properties["Name"]?.Value);
                Assert.Contains(deployed.Progress, progress => progress.StatusDescription.Contains("of 2 tasks running", StringComparison.Ordinal));

                // Deploy-ContainerStack, the name docker users know, is the module's exported alias of the cmdlet.
                RunResult alias = Run(session, swarm, file, @"(Get-Command Deploy-ContainerStack).ResolvedCommandName");
                alias.AssertNoErrors();
                Assert.Equal("Publish-ContainerStack", alias.Single().ToString());
                RunResult services = Run(session, swarm, file, @"
                    (Deploy-ContainerStack -Name ""$Prefix-stk"" -Path $File -Environment @{ IMAGE = $SwarmImage } -ResolveImage Never -NoWait -Engine $SwarmHost -Verbose).Services |
                        ForEach-Object { '{0} {1}' -f $_.Name, $_.Replicas }");
                services.AssertNoErrors();
                Assert.Equal(new[] { session.Prefix + "-stk_web 1", session.Prefix + "-stk_worker 2" }, services.Output.Select(item => item.ToString()));
                Assert.Contains(services.Verbose, line => line.Contains("left as it is", StringComparison.Ordinal));
            }
            finally
            {
                Cleanup(session, swarm, file);
            }
        }

        [Fact]
        public async Task A_bad_file_or_a_missing_external_secret_is_an_error_with_its_id_and_category_and_makes_nothing()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            string bad = Write("bad.yml", "services:\n  web:\n    image: [unclosed\n");
            string external = Write("external.yml", @"
services:
  web:
    image: ${IMAGE}
    secrets: [token]
secrets:
  token:
    external: true
    name: ${ABSENT}
");
            try
            {
                RunResult badFile = Run(session, swarm, bad, @"Publish-ContainerStack -Name ""$Prefix-stk"" -Path $File -ResolveImage Never -Engine $SwarmHost");
                ErrorRecord invalid = Assert.Single(badFile.AllErrors);
                Assert.StartsWith("ComposeFileInvalid,", invalid.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidData, invalid.CategoryInfo.Category);
                Assert.Contains("bad.yml", invalid.Exception.Message, StringComparison.Ordinal);
                Assert.Empty(badFile.Output);

                RunResult missing = Run(session, swarm, external, @"
                    Publish-ContainerStack -Name ""$Prefix-stk"" -Path $File -Environment @{ IMAGE = $SwarmImage; ABSENT = ""$Prefix-absent"" } -ResolveImage Never -Engine $SwarmHost
                    @(Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-stk_*"").Count
                    @(Get-ContainerNetwork -Engine $SwarmHost -Name ""$Prefix-stk_*"").Count");
                ErrorRecord notFound = Assert.Single(missing.AllErrors);
                Assert.StartsWith("SecretNotFound,", notFound.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
                Assert.Contains(session.Prefix + "-absent", notFound.Exception.Message, StringComparison.Ordinal);
                Assert.Equal(new object[] { 0, 0 }, missing.Output.Select(item => item.BaseObject));
            }
            finally
            {
                Cleanup(session, swarm, bad);
            }
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string Write(string name, string text)
        {
            string path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static RunResult Run(ModuleSession session, SwarmTestEngineProcess swarm, string file, string script) =>
            session.Run(script, new Dictionary<string, object?> { ["SwarmHost"] = swarm.DockerHost, ["SwarmImage"] = swarm.Image, ["File"] = file });

        // The services first; their networks once the tasks have left them.
        private static void Cleanup(ModuleSession session, SwarmTestEngineProcess swarm, string file) =>
            Run(session, swarm, file, @"
                Get-ContainerService -Engine $SwarmHost -Name ""$Prefix-stk_*"" | Remove-ContainerService
                $deadline = [DateTime]::UtcNow.AddMinutes(1)
                do {
                    Get-ContainerNetwork -Engine $SwarmHost -Name ""$Prefix-stk_*"" | Remove-ContainerNetwork -ErrorAction SilentlyContinue
                } while (@(Get-ContainerNetwork -Engine $SwarmHost -Name ""$Prefix-stk_*"").Count -gt 0 -and [DateTime]::UtcNow -lt $deadline)");
    }
}
