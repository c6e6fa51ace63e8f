using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Containers
{
    /// <summary>
    /// A non-zero exit of Invoke-ContainerImage and Invoke-ContainerCommand is a failure a script sees, as a native
    /// command's is: $? false, a non-terminating error (ContainerExitedWithError, CommandExitedWithError) that
    /// -ErrorAction Stop turns into an exception, pwsh -Command exiting non-zero; $LASTEXITCODE keeps the code and
    /// -PassThru still returns the result object (and writes the error too).
    /// </summary>
    public sealed class ExitCodeTests
    {
        [Fact]
        public async Task A_failed_run_makes_pwsh_Command_exit_non_zero_as_a_native_command_does()
        {
            TestEngineProcess engine = await TestEngineProcess.GetAsync();

            Pwsh.Outcome native = await Pwsh.RunAsync("sh -c 'exit 5'");
            Pwsh.Outcome run = await Pwsh.RunAsync($"Invoke-ContainerImage -Image {engine.Image} -Command sh, -c, 'exit 5' -Remove");
            Pwsh.Outcome passThru = await Pwsh.RunAsync($"$null = Invoke-ContainerImage -Image {engine.Image} -Command sh, -c, 'exit 5' -Remove -PassThru");
            Pwsh.Outcome fine = await Pwsh.RunAsync($"Invoke-ContainerImage -Image {engine.Image} -Command sh, -c, 'exit 0' -Remove");

            Assert.Equal(1, native.ExitCode);
            Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; {run.Output} {run.Error}");
            Assert.Contains("exited with code 5", run.Error, StringComparison.Ordinal);
            Assert.True(passThru.ExitCode == 1, $"exit code {passThru.ExitCode}; {passThru.Output} {passThru.Error}");
            Assert.True(fine.ExitCode == 0, $"exit code {fine.ExitCode}; {fine.Output} {fine.Error}");
        }

        [Fact]
        public async Task A_failed_exec_makes_pwsh_Command_exit_non_zero_and_the_script_sees_it()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("$null = Invoke-ContainerImage -Image $TestImage -Name \"$Prefix-exec\" -Command sleep, 300 -Detach").AssertNoErrors();

            Pwsh.Outcome failed = await Pwsh.RunAsync($"Invoke-ContainerCommand -Name {session.Prefix}-exec -Command sh, -c, 'exit 3'");
            Pwsh.Outcome seen = await Pwsh.RunAsync($"Invoke-ContainerCommand -Name {session.Prefix}-exec -Command sh, -c, 'exit 3' 2>$null; \"ok=$? code=$LASTEXITCODE\"");

            Assert.True(failed.ExitCode == 1, $"exit code {failed.ExitCode}; {failed.Output} {failed.Error}");
            Assert.Contains("ok=False code=3", seen.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Run_sets_dollar_question_false_writes_the_error_and_keeps_LASTEXITCODE()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                Invoke-ContainerImage -Image $TestImage -Name ""$Prefix-five"" -Command sh, -c, 'echo out; exit 5' -Remove
                $ok = $?
                ""ok=$ok code=$LASTEXITCODE""");

            Assert.Null(result.Terminating);
            Assert.Equal(new object[] { "out", "ok=False code=5" }, result.Output.Select(item => item.BaseObject).ToArray());
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ContainerExitedWithError,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.NotSpecified, error.CategoryInfo.Category);
            Assert.Equal(session.Prefix + "-five", error.TargetObject);
            Assert.Equal($"The container '{session.Prefix}-five' exited with code 5.", error.Exception.Message);

            RunResult fine = session.Run("Invoke-ContainerImage -Image $TestImage -Command sh, -c, 'exit 0' -Remove; \"ok=$? code=$LASTEXITCODE\"").AssertNoErrors();
            Assert.Equal("ok=True code=0", fine.Single().BaseObject);
        }

        [Fact]
        public async Task ErrorAction_Stop_throws_what_try_catch_catches_with_the_exit_code()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("$null = Invoke-ContainerImage -Image $TestImage -Name \"$Prefix-exec\" -Command sleep, 300 -Detach").AssertNoErrors();

            RunResult result = session.Run(@"
                try {
                    Invoke-ContainerImage -Image $TestImage -Name ""$Prefix-stop"" -Command sh, -c, 'exit 6' -Remove -ErrorAction Stop
                    'not reached'
                } catch {
                    $_.FullyQualifiedErrorId; $_.Exception.ExitCode; $LASTEXITCODE
                }
                try {
                    Invoke-ContainerCommand -Name ""$Prefix-exec"" -Command sh, -c, 'exit 9' -ErrorAction Stop
                    'not reached'
                } catch {
                    $_.FullyQualifiedErrorId; $_.Exception.ExitCode; $LASTEXITCODE; $_.TargetObject
                }").AssertNoErrors();

            Assert.Equal(
                new object[]
                {
                    "ContainerExitedWithError,Containers.PowerShell.Cmdlets.Containers.InvokeContainerImageCmdlet", 6, 6,
                    "CommandExitedWithError,Containers.PowerShell.Cmdlets.Containers.InvokeContainerCommandCmdlet", 9, 9, session.Prefix + "-exec",
                },
                result.Output.Select(item => item.BaseObject).ToArray());
            // -Remove still removed the container that failed.
            ContainerAssert.Gone(session, "$Prefix-stop");
        }

        [Fact]
        public async Task With_PassThru_ErrorAction_Stop_stops_on_the_exit_code_and_not_on_standard_error()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $ok = Invoke-ContainerImage -Image $TestImage -Command sh, -c, 'echo progress >&2; exit 0' -Remove -PassThru -ErrorAction Stop
                'after ' + ($ok.Error -join ',')
                try {
                    $null = Invoke-ContainerImage -Image $TestImage -Command sh, -c, 'echo progress >&2; exit 2' -Remove -PassThru -ErrorAction Stop
                    'not reached'
                } catch {
                    $_.FullyQualifiedErrorId.Split(',')[0] + ' ' + $_.Exception.ExitCode
                }").AssertNoErrors();

            Assert.Equal(new object[] { "after progress", "ContainerExitedWithError 2" }, result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task PassThru_returns_the_result_object_and_still_reports_the_failure()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("$null = Invoke-ContainerImage -Image $TestImage -Name \"$Prefix-exec\" -Command sleep, 300 -Detach").AssertNoErrors();

            RunResult result = session.Run(@"
                $run = Invoke-ContainerImage -Image $TestImage -Command sh, -c, 'echo out; echo err >&2; exit 4' -Remove -PassThru -ErrorVariable runErrors -ErrorAction SilentlyContinue
                $runOk = $?
                $exec = Invoke-ContainerCommand -Name ""$Prefix-exec"" -Command sh, -c, 'echo in; exit 2' -PassThru -ErrorVariable execErrors -ErrorAction SilentlyContinue
                $run.ExitCode, ($run.Output -join ','), ($run.Error -join ','), $runOk, $runErrors.Count, $runErrors[0].FullyQualifiedErrorId.Split(',')[0]
                $exec.ExitCode, ($exec.Output -join ','), $execErrors[0].FullyQualifiedErrorId.Split(',')[0], $LASTEXITCODE").AssertNoErrors();

            Assert.Equal(
                new object[] { 4, "out", "err", false, 1, "ContainerExitedWithError", 2, "in", "CommandExitedWithError", 2 },
                result.Output.Select(item => item.BaseObject).ToArray());
        }
    }
}
