using Containers.PowerShell.Tests.Fixtures;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Automation
{
    /// <summary>
    /// The scheduled job of docs/about_Containers_Automation.md, the very file the page shows
    /// (docs/examples/Nightly-Cleanup.ps1), run as a scheduler runs it: pwsh -NonInteractive -File with its input closed,
    /// in an empty home with no DOCKER_* variable. Against the private engine it prunes for real (limited by -Label to
    /// this test's containers and images, since other tests share the engine) and exits 0; against a closed port it exits 1 with the
    /// error on standard error; both times it leaves its transcript.
    /// </summary>
    public sealed class NightlyCleanupTests
    {
        private static readonly string Script = RepositoryFiles.Path("docs/examples/Nightly-Cleanup.ps1");

        [Fact]
        public async Task The_cleanup_removes_a_stopped_container_and_a_dangling_image_keeps_a_running_container_exits_0_and_leaves_its_transcript()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            using var first = new TemporaryFolder();
            using var second = new TemporaryFolder();
            string label = $"containers.test.cleanup={session.Prefix}";
            first.Write("Dockerfile", $"FROM localhost/containers-test/busybox:latest\nLABEL {label} build=1\n");
            second.Write("Dockerfile", $"FROM localhost/containers-test/busybox:latest\nLABEL {label} build=2\n");
            RunResult made = session.Run(@"
                $label = @{ 'containers.test.cleanup' = $Prefix }
                $stopped = New-Container -Image $TestImage -Name ""$Prefix-stopped"" -Label $label -Command sh, -c, 'exit 0'
                $stopped | Start-Container
                $null = $stopped | Wait-Container
                New-Container -Image $TestImage -Name ""$Prefix-running"" -Label $label -Command sleep, 600 | Start-Container
                # The same tag built again leaves the first image dangling.
                $dangling = Invoke-ImageBuild -Path $First -Tag ""localhost/$Prefix-cleanup:1""
                $null = Invoke-ImageBuild -Path $Second -Tag ""localhost/$Prefix-cleanup:1""
                $stopped.Id
                $dangling.Id", new Dictionary<string, object?> { ["First"] = first.Path, ["Second"] = second.Path }).AssertNoErrors();
            string stoppedId = (string)made.Output[0].BaseObject;
            string danglingId = (string)made.Output[1].BaseObject;
            Assert.Contains(danglingId, session.Run("(Get-ContainerImage -Dangling).Id").AssertNoErrors().Output.Select(item => (string)item.BaseObject));

            using var home = new TemporaryFolder();
            string logs = Path.Combine(home.Path, "logs");
            Pwsh.Outcome run = await Pwsh.RunFileAsync(
                Script,
                new[] { "-Engine", session.Engine.DockerHost, "-Label", label, "-LogFolder", logs },
                UnattendedEnvironment.WithHome(home.Path));

            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");
            Assert.Equal(string.Empty, run.Error);
            Assert.Contains("Container: 1 removed", run.Output, StringComparison.Ordinal);
            Assert.Contains("Image: 1 removed", run.Output, StringComparison.Ordinal);
            RunResult left = session.Run("(Get-Container -All -Name \"$Prefix-*\").Name").AssertNoErrors();
            Assert.Equal(new object[] { session.Prefix + "-running" }, left.Output.Select(item => item.BaseObject).ToArray());
            Assert.DoesNotContain(danglingId, session.Run("(Get-ContainerImage -All).Id").AssertNoErrors().Output.Select(item => (string)item.BaseObject));

            string transcript = File.ReadAllText(Assert.Single(Directory.GetFiles(logs)));
            Assert.Contains("Container: 1 removed", transcript, StringComparison.Ordinal);
            Assert.Contains(stoppedId, transcript, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_cleanup_exits_1_with_the_error_on_standard_error_and_in_its_transcript_when_the_engine_is_unreachable()
        {
            using var home = new TemporaryFolder();
            string logs = Path.Combine(home.Path, "logs");
            string closed = $"127.0.0.1:{LoopbackPort.Free()}";
            Pwsh.Outcome run = await Pwsh.RunFileAsync(
                Script,
                new[] { "-Engine", "tcp://" + closed, "-LogFolder", logs },
                UnattendedEnvironment.WithHome(home.Path));

            Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");
            Assert.Contains(closed, run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(" removed", run.Output, StringComparison.Ordinal);
            string transcript = File.ReadAllText(Assert.Single(Directory.GetFiles(logs)));
            Assert.Contains(closed, transcript, StringComparison.Ordinal);
        }
    }
}
