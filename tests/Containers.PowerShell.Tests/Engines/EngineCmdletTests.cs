using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Engines
{
    /// <summary>
    /// Get-, Connect-, Disconnect- and Test-ContainerEngine as a user types them: the snapshot they return, the small engine
    /// handle objects carry, binding the snapshot to -Engine, the session's choice, errors and the views.
    /// </summary>
    public sealed class EngineCmdletTests
    {
        [Fact]
        public async Task Get_ContainerEngine_returns_a_new_snapshot_each_time_and_objects_held_never_change()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $first = Get-ContainerEngine
                $held = $first.Containers
                $container = New-Container -Image $TestImage -Name ""$Prefix-held"" -Command sh,-c,'exit 0'
                $second = Get-ContainerEngine
                [object]::ReferenceEquals($first, $second)
                $first.Containers -eq $held
                $second.ApiVersion
                [object]::ReferenceEquals($first.Engine, $container.Engine)
                ($container.Engine.PSObject.Properties.Name | Sort-Object) -join ','
                $container.Engine.GetType().FullName").AssertNoErrors();

            Assert.Equal(
                new object[] { false, true, "1.41", true, "DockerHost,Name,Source,Uri,UsesTls", "Containers.Models.ContainerEngine" },
                result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task The_snapshot_pipes_into_Get_Container_and_binds_to_Engine()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $null = New-Container -Image $TestImage -Name ""$Prefix-piped"" -Command sh,-c,'exit 0'
                (Get-ContainerEngine | Get-Container -All | Where-Object Name -eq ""$Prefix-piped"").Name
                $info = Get-ContainerEngine -Engine $TestDockerHost
                (Get-Container -All -Engine $info -Name ""$Prefix-piped"").Name
                (Test-ContainerEngine -Engine $info)", Variables(session)).AssertNoErrors();

            Assert.Equal(new object[] { session.Prefix + "-piped", session.Prefix + "-piped", true }, result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task The_views_show_the_snapshot_as_a_list_and_the_handle_as_a_table()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string info = session.Run("Get-ContainerEngine | Out-String -Width 80").AssertNoErrors().Text;
            Assert.Contains("ApiVersion      : 1.41", info, StringComparison.Ordinal);
            Assert.Contains("Source          : DOCKER_HOST", info, StringComparison.Ordinal);
            Assert.Contains("Containers      : ", info, StringComparison.Ordinal);

            string handle = session.Run("(Get-ContainerEngine).Engine | Out-String -Width 120").AssertNoErrors().Text;
            string[] lines = handle.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToArray();
            Assert.Equal(new[] { "Name", "Uri", "Source", "UsesTls" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(session.Engine.DockerHost, lines[2], StringComparison.Ordinal);
        }

        [Fact]
        public async Task Connect_makes_the_session_use_an_engine_and_Disconnect_PassThru_gives_the_environments_back()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $connected = Connect-ContainerEngine -Uri $TestDockerHost
                $connected.GetType().Name
                $connected.Source
                (Get-ContainerEngine).Source
                $after = Disconnect-ContainerEngine -PassThru
                $after.GetType().Name
                $after.Source
                $after.ApiVersion
                (Get-ContainerEngine).Source
                Disconnect-ContainerEngine -Verbose 4>&1 | ForEach-Object { ""$_"" }", Variables(session)).AssertNoErrors();

            Assert.Equal(
                new object[] { "ContainerEngineInfo", "parameter", "parameter", "ContainerEngineInfo", "DOCKER_HOST", "1.41", "DOCKER_HOST" },
                result.Output.Take(7).Select(item => item.BaseObject).ToArray());
            Assert.Contains("No engine was chosen", (string)result.Output[7].BaseObject, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Connect_to_an_engine_that_does_not_answer_fails_and_the_session_keeps_its_engine()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $null = Connect-ContainerEngine -Uri $TestDockerHost
                Connect-ContainerEngine -Uri tcp://127.0.0.1:1
                (Get-ContainerEngine).Uri", Variables(session));

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("EngineUnreachable", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal(session.Engine.DockerHost, Assert.Single(result.Output).BaseObject);

            RunResult alone = session.Run("Connect-ContainerEngine -CertificatePath /no/such/folder");
            ErrorRecord refused = Assert.Single(alone.Errors);
            Assert.StartsWith("InvalidCertificatePath", refused.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, refused.CategoryInfo.Category);
        }

        [Fact]
        public async Task Test_ContainerEngine_is_true_or_false_and_never_an_error()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                Test-ContainerEngine
                Test-ContainerEngine -Engine tcp://127.0.0.1:1 -TimeoutSeconds 5
                Get-ContainerEngine | Test-ContainerEngine").AssertNoErrors();

            Assert.Equal(new object[] { true, false, true }, result.Output.Select(item => item.BaseObject).ToArray());
            Assert.Contains(result.Verbose.Concat(session.Run("Test-ContainerEngine -Engine tcp://127.0.0.1:1 -Verbose").Verbose), line => line.Contains("did not answer", StringComparison.Ordinal));
        }

        private static System.Collections.Generic.Dictionary<string, object?> Variables(ModuleSession session) =>
            new System.Collections.Generic.Dictionary<string, object?> { ["TestDockerHost"] = session.Engine.DockerHost };
    }
}
