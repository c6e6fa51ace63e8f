using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Reliability
{
    /// <summary>
    /// A real dockerd killed (SIGKILL) under the commands that follow it: logs, events and statistics that stream until
    /// Ctrl+C, and a build. The docker CLI says "unexpected EOF" and exits 1; these end with a connection error, never in
    /// silence as if the stream had ended. Each test kills an engine of its own once the command's stream flows.
    /// </summary>
    public sealed class EngineKilledUnderFollowTests
    {
        /// <summary>A container printing a line five times a second, for logs and statistics to follow.</summary>
        private const string Ticking = "New-Container -Image $TestImage -Name \"$Prefix-ticks\" -Command sh,-c,'while true; do echo tick; sleep 0.2; done' -Engine $E | Start-Container";

        [Theory]
        [InlineData("Get-ContainerLog -Follow", Ticking, "Get-ContainerLog -Name \"$Prefix-ticks\" -Follow -Engine $E")]
        [InlineData("Get-ContainerStatistics -Stream", Ticking, "Get-ContainerStatistics -Name \"$Prefix-ticks\" -Stream -Engine $E")]
        // The engine replays the events since then (the test image's import) and goes on following: the stream flows at once.
        [InlineData("Get-ContainerEvent -Follow", "", "Get-ContainerEvent -Since (Get-Date).AddHours(-1) -Follow -Engine $E")]
        public async Task A_follow_ends_with_a_connection_error_when_the_engine_is_killed_once_it_flows(string cmdlet, string prepare, string follow)
        {
            using KillableEngine engine = await KillableEngine.StartAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            var variables = new Dictionary<string, object?> { ["E"] = engine.DockerHost };
            session.Run(prepare, variables).AssertNoErrors();

            RunResult result = await KilledEngineRun.RunAsync(session, engine, follow, variables, written => written is PSObject);

            KilledEngineRun.AssertEndedByTheKill(cmdlet, engine, result, whatArrivedIsTrue: true);
        }

        [Fact]
        public async Task Invoke_ImageBuild_reports_a_connection_error_and_no_image_when_the_engine_is_killed_mid_step()
        {
            using KillableEngine engine = await KillableEngine.StartAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            using var context = new TemporaryFolder();
            context.Write("Dockerfile", "FROM localhost/containers-test/busybox:latest\nRUN echo step-started && sleep 600\n");
            var variables = new Dictionary<string, object?> { ["E"] = engine.DockerHost, ["Context"] = context.Path };

            RunResult result = await KilledEngineRun.RunAsync(session, engine, "Invoke-ImageBuild -Path $Context -Tag \"localhost/$Prefix-killed:1\" -Engine $E", variables,
                written => written is InformationRecord record && record.MessageData?.ToString()?.Contains("step-started", System.StringComparison.Ordinal) == true);

            KilledEngineRun.AssertEndedByTheKill("Invoke-ImageBuild", engine, result);
        }
    }
}
