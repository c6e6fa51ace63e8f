using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Fleet
{
    /// <summary>
    /// One command across many engines, as a user types it: -Engine with several engines (objects, addresses, wildcards
    /// over docker contexts), the test engine and a second private engine, the second behind a slow forwarder (a far engine)
    /// and an engine that is not there. Results come from all, each with its Engine; the dead engine is one
    /// non-terminating error naming it; the slow one does not hold the others back; state changes reach every engine;
    /// piped objects go back to the engine they came from; Ctrl+C stops all at once.
    /// </summary>
    public sealed class FleetTests
    {
        private const string DeadEngine = "unix:///tmp/cte-fleet-no-engine.sock";

        [Fact]
        public async Task Get_Container_answers_from_every_live_engine_and_names_the_dead_one_in_one_error()
        {
            SecondTestEngine second = await SecondTestEngine.GetAsync();
            using var slow = new SlowEngineForwarder(second.SocketPath, TimeSpan.FromSeconds(2));
            using ModuleSession session = await ModuleSession.StartAsync();
            var engines = new Dictionary<string, object?> { ["A"] = session.Engine.DockerHost, ["B"] = second.DockerHost, ["Slow"] = slow.Address, ["Dead"] = DeadEngine };
            try
            {
                session.Run(@"$null = New-Container -Image $TestImage -Name ""$Prefix-f"" -Command sh, -c, 'exit 0' -Engine $A, $B", engines).AssertNoErrors();

                RunResult result = session.Run(@"Get-Container -All -Name ""$Prefix-f"" -Engine $Slow, $Dead, $A, $B", engines);

                Assert.Null(result.Terminating);
                // The slow engine was asked first and answers last: it held nobody back.
                Assert.Equal(3, result.Output.Count);
                Assert.Equal(new[] { session.Engine.DockerHost, second.DockerHost }.OrderBy(uri => uri, StringComparer.Ordinal), result.Output.Take(2).Select(Uri).OrderBy(uri => uri, StringComparer.Ordinal));
                Assert.Equal(slow.Address, Uri(result.Output[2]));
                Assert.All(result.Output, container => Assert.Equal(session.Prefix + "-f", container.Properties["Name"].Value));
                ErrorRecord dead = Assert.Single(result.Errors);
                Assert.StartsWith("EngineUnreachable", dead.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ConnectionError, dead.CategoryInfo.Category);
                Assert.StartsWith("Engine '" + DeadEngine + "': ", dead.ToString(), StringComparison.Ordinal);
                Assert.Equal(DeadEngine, ((dynamic)dead.TargetObject).Uri);
                Assert.Contains(result.Progress, progress => progress.StatusDescription.EndsWith("of 4 engines answered", StringComparison.Ordinal));
            }
            finally
            {
                session.Run(@"Remove-Container -Name ""$Prefix-f"" -Engine $A, $B -Force -ErrorAction SilentlyContinue", engines);
            }
        }

        [Fact]
        public async Task State_changes_reach_every_engine_and_piped_objects_go_back_where_they_came_from()
        {
            SecondTestEngine second = await SecondTestEngine.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            var engines = new Dictionary<string, object?> { ["A"] = session.Engine.DockerHost, ["B"] = second.DockerHost };
            try
            {
                RunResult result = session.Run(@"
                    New-Container -Image $TestImage -Name ""$Prefix-w"" -Command sleep, 300 -Engine $A, $B | Start-Container
                    (Get-Container -Name ""$Prefix-w"" -Engine $A, $B | Sort-Object { $_.Engine.Uri }).State -join ','
                    Stop-Container -Name ""$Prefix-w"" -Engine $A, $B -Force
                    (Get-Container -All -Name ""$Prefix-w"" -Engine $A, $B).State -join ','

                    # The session's engine is A; objects from B go back to B.
                    Get-Container -All -Name ""$Prefix-w"" -Engine $B | Remove-Container -Force
                    @(Get-Container -All -Name ""$Prefix-w*"" -Engine $A).Count
                    @(Get-Container -All -Name ""$Prefix-w*"" -Engine $B).Count", engines);

                result.AssertNoErrors();
                Assert.Equal(new object[] { "running,running", "exited,exited", 1, 0 }, result.Output.Select(item => item.BaseObject).ToArray());
            }
            finally
            {
                session.Run(@"Remove-Container -Name ""$Prefix-w"" -Engine $A, $B -Force -ErrorAction SilentlyContinue", engines);
            }
        }

        [Fact]
        public async Task Objects_from_several_engines_piped_on_go_each_to_its_own()
        {
            SecondTestEngine second = await SecondTestEngine.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            var engines = new Dictionary<string, object?> { ["A"] = session.Engine.DockerHost, ["B"] = second.DockerHost };
            RunResult result = session.Run(@"
                $null = New-Container -Image $TestImage -Name ""$Prefix-p"" -Command sh, -c, 'exit 0' -Engine $A, $B
                $made = Get-Container -All -Name ""$Prefix-p"" -Engine $A, $B
                $made | ForEach-Object { $_.Engine.Uri } | Sort-Object
                $made | Remove-Container
                @(Get-Container -All -Name ""$Prefix-p*"" -Engine $A, $B).Count", engines);

            result.AssertNoErrors();
            object[] expected = new[] { session.Engine.DockerHost, second.DockerHost }.OrderBy(uri => uri, StringComparer.OrdinalIgnoreCase).Cast<object>().Append(0).ToArray();
            Assert.Equal(expected, result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task Events_come_from_every_engine_each_with_its_engine()
        {
            SecondTestEngine second = await SecondTestEngine.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            var engines = new Dictionary<string, object?> { ["A"] = session.Engine.DockerHost, ["B"] = second.DockerHost };
            try
            {
                RunResult result = session.Run(@"
                    $null = New-Container -Image $TestImage -Name ""$Prefix-ev"" -Command sh, -c, 'exit 0' -Engine $A, $B
                    Get-ContainerEvent -Engine $A, $B -Since 10m -Container ""$Prefix-ev"" |
                        Where-Object Action -eq 'create' | ForEach-Object { $_.Engine.Uri } | Sort-Object", engines);

                result.AssertNoErrors();
                Assert.Equal(
                    new[] { session.Engine.DockerHost, second.DockerHost }.OrderBy(uri => uri, StringComparer.OrdinalIgnoreCase),
                    result.Output.Select(item => (string)item.BaseObject));
            }
            finally
            {
                session.Run(@"Remove-Container -Name ""$Prefix-ev"" -Engine $A, $B -Force -ErrorAction SilentlyContinue", engines);
            }
        }

        [Fact]
        public async Task A_wildcard_names_every_matching_docker_context_and_one_that_matches_none_is_refused()
        {
            SecondTestEngine second = await SecondTestEngine.GetAsync();
            TestEngineProcess first = await TestEngineProcess.GetAsync();
            string config = Path.Combine(Path.GetTempPath(), "fleet-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                // A process of its own: DOCKER_CONFIG is the process's, and the contexts live there.
                Pwsh.Outcome outcome = await Pwsh.RunAsync($@"
                    $env:DOCKER_CONFIG = '{config}'
                    docker context create fleet-a --docker 'host={first.DockerHost}' | Out-Null
                    docker context create fleet-b --docker 'host={second.DockerHost}' | Out-Null
                    docker context create other --docker 'host={DeadEngine}' | Out-Null
                    (Get-ContainerImage -Engine 'fleet-*' | ForEach-Object {{ $_.Engine.Name }} | Sort-Object -Unique) -join ','
                    try {{ Get-Container -Engine 'nothing-*' }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.Message }}");

                Assert.True(outcome.ExitCode == 0, outcome.Error);
                string[] lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.Equal("fleet-a,fleet-b", lines[0]);
                Assert.StartsWith("ParameterArgumentTransformationError", lines[1], StringComparison.Ordinal);
                Assert.Contains("No host of the host store and no docker context matches 'nothing-*'", lines[2], StringComparison.Ordinal);
            }
            finally
            {
                if (Directory.Exists(config))
                {
                    Directory.Delete(config, recursive: true);
                }
            }
        }

        [Fact]
        public async Task Commands_that_act_on_one_engine_refuse_several_and_engines_given_win_over_those_objects_came_from()
        {
            SecondTestEngine second = await SecondTestEngine.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            var engines = new Dictionary<string, object?> { ["A"] = session.Engine.DockerHost, ["B"] = second.DockerHost };
            RunResult export = session.Run(@"Export-Container -Name ""$Prefix-x"" -Path ./never.tar -Engine $A, $B", engines);
            ErrorRecord several = export.Terminating ?? Assert.Single(export.Errors);
            Assert.StartsWith("InvalidEngine", several.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("acts on one engine", several.Exception.Message, StringComparison.Ordinal);
            Assert.False(File.Exists("never.tar"));

            // -Engine given wins over the engine objects came from, as with one engine: the name goes to every engine named.
            RunResult piped = session.Run(@"
                $c = New-Container -Image $TestImage -Name ""$Prefix-o"" -Command sh, -c, 'exit 0'
                $c | Remove-Container -Engine $A, $B
                @(Get-Container -All -Name ""$Prefix-o*"").Count", engines);
            ErrorRecord missing = Assert.Single(piped.Errors);
            Assert.StartsWith("ContainerNotFound", missing.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.StartsWith("Engine '" + second.DockerHost + "': ", missing.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, piped.Output.Single().BaseObject);
        }

        [Fact]
        public async Task An_Engine_argument_that_names_no_engine_is_refused_rather_than_read_as_the_default()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $null = New-Container -Image $TestImage -Name ""$Prefix-keep"" -Command sleep, 300 | Start-Container
                Stop-Container -Name ""$Prefix-keep"" -Engine (Get-ContainerHost -Name 'no-such-host-*')
                Stop-Container -Name ""$Prefix-keep"" -Engine @()
                (Get-Container -Name ""$Prefix-keep"").State");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, error => Assert.StartsWith("InvalidEngine,", error.FullyQualifiedErrorId, StringComparison.Ordinal));
            Assert.Contains("names no engine", result.Errors[0].ToString(), StringComparison.Ordinal);
            Assert.Equal("running", Assert.Single(result.Output).BaseObject);
        }

        [Fact]
        public async Task ThrottleLimit_one_gives_the_same_answers_and_zero_is_refused()
        {
            SecondTestEngine second = await SecondTestEngine.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            var engines = new Dictionary<string, object?> { ["A"] = session.Engine.DockerHost, ["B"] = second.DockerHost };
            RunResult result = session.Run(@"
                (Get-ContainerImage -Engine $A, $B -ThrottleLimit 1 | ForEach-Object { $_.Engine.Uri } | Sort-Object -Unique) -join ','
                try { Get-ContainerImage -Engine $A, $B -ThrottleLimit 0 } catch { $_.FullyQualifiedErrorId }", engines);

            Assert.Equal(string.Join(",", new[] { session.Engine.DockerHost, second.DockerHost }.OrderBy(uri => uri, StringComparer.OrdinalIgnoreCase)), result.Output[0].BaseObject);
            Assert.StartsWith("ParameterArgumentValidationError,", (string)result.Output[1].BaseObject, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Cmdlets_that_use_no_engine_run_once_whatever_engines_are_named()
        {
            SecondTestEngine second = await SecondTestEngine.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            var engines = new Dictionary<string, object?>(Registries.RegistryLogin.Variables(session)) { ["A"] = session.Engine.DockerHost, ["B"] = second.DockerHost, ["Dead"] = DeadEngine };
            RunResult result = session.Run(@"
                $null = Connect-ContainerRegistry -Registry $TestRegistry -Credential $Credential
                @(Get-ContainerRegistry).Count
                @(Get-ContainerRegistry -Engine $A, $B, $Dead).Count
                @(Get-ContainerHost).Count
                @(Get-ContainerHost -Engine $A, $B, $Dead).Count", engines);

            result.AssertNoErrors();
            Assert.NotEqual(0, result.Output[0].BaseObject);
            Assert.Equal(result.Output[0].BaseObject, result.Output[1].BaseObject);
            Assert.Equal(result.Output[2].BaseObject, result.Output[3].BaseObject);
        }

        [Fact]
        public async Task Ctrl_C_stops_every_engine_at_once()
        {
            SecondTestEngine second = await SecondTestEngine.GetAsync();
            using var stuck1 = new SlowEngineForwarder(second.SocketPath, TimeSpan.FromMinutes(5));
            using var stuck2 = new SlowEngineForwarder(second.SocketPath, TimeSpan.FromMinutes(5));
            using ModuleSession session = await ModuleSession.StartAsync();

            (TimeSpan stopTook, Exception? error) = session.RunAndStop($"Get-Container -Engine '{stuck1.Address}', '{stuck2.Address}', '{session.Engine.DockerHost}'", TimeSpan.FromSeconds(2));

            Assert.True(stopTook < TimeSpan.FromSeconds(20), "the stop took " + stopTook);
            Assert.True(error == null || error is PipelineStoppedException, error?.ToString());
        }

        private static string Uri(PSObject container) => (string)((dynamic)container.Properties["Engine"].Value).Uri;
    }
}
