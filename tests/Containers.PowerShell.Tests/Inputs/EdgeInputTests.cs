using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Inputs
{
    /// <summary>
    /// Inputs at the edges (issue 11, item 6), as a user types them: each is a named error of the right category whose
    /// message names the value, and nothing is created. Everything made is named with the session's prefix.
    /// </summary>
    public sealed class EdgeInputTests
    {
        /// <summary>The one error a refused command gave, terminating or not; fails naming what came instead.</summary>
        private static ErrorRecord Refusal(RunResult run)
        {
            if (run.Terminating != null)
            {
                Assert.DoesNotContain(run.Errors, e => !ReferenceEquals(e, run.Terminating));
                return run.Terminating;
            }

            return Assert.Single(run.Errors);
        }

        private static void AssertRefused(RunResult run, string errorId, ErrorCategory category, string named)
        {
            ErrorRecord error = Refusal(run);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
            Assert.Empty(run.Output);
        }

        private static void AssertNoContainers(ModuleSession session) =>
            Assert.Empty(session.Run("Get-Container -All -Name \"$Prefix*\"").AssertNoErrors().Output);

        [Theory]
        [InlineData("1e99", "1E+99")]
        [InlineData("([double]::PositiveInfinity)", "Infinity")]
        [InlineData("([double]::NaN)", "NaN")]
        [InlineData("'99999999999999999999999G'", "99999999999999999999999G")]
        [InlineData("-1", "-1")]
        [InlineData("'12Q'", "12Q")]
        public async Task A_memory_size_out_of_range_is_InvalidMemory_and_creates_nothing(string given, string shown)
        {
            using ModuleSession session = await ModuleSession.StartAsync();

            AssertRefused(session.Run($"New-Container -Image $TestImage -Name \"$Prefix-new\" -Memory {given}"), "InvalidMemory", ErrorCategory.InvalidArgument, $"'{shown}'");
            AssertRefused(session.Run($"Invoke-ContainerImage -Image $TestImage -Name \"$Prefix-run\" -Command true -Memory {given}"), "InvalidMemory", ErrorCategory.InvalidArgument, $"'{shown}'");
            AssertNoContainers(session);

            session.Run("New-Container -Image $TestImage -Name \"$Prefix-upd\" -Command true | Out-Null").AssertNoErrors();
            AssertRefused(session.Run($"Update-Container -Name \"$Prefix-upd\" -Memory {given}"), "InvalidMemory", ErrorCategory.InvalidArgument, $"'{shown}'");
            if (given != "-1")
            {
                // -MemorySwap -1 means unlimited swap; the rest are refused as for -Memory.
                AssertRefused(session.Run($"Update-Container -Name \"$Prefix-upd\" -Memory 1g -MemorySwap {given}"), "InvalidMemorySwap", ErrorCategory.InvalidArgument, $"'{shown}'");
            }

            Assert.Equal(0L, session.Run("(Get-ContainerDetail -Name \"$Prefix-upd\").HostConfig.Memory").AssertNoErrors().Single().BaseObject);
        }

        [Fact]
        public async Task A_stop_timeout_of_years_is_no_out_of_range_crash()
        {
            using ModuleSession session = await ModuleSession.StartAsync();

            // A missing container is that, whatever the timeout.
            foreach (string verb in new[] { "Stop", "Restart" })
            {
                RunResult missing = session.Run($"{verb}-Container -Name \"$Prefix-missing\" -Timeout 99999999");
                Assert.StartsWith("ContainerNotFound,", Refusal(missing).FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.DoesNotContain("delay", Refusal(missing).ToString(), StringComparison.Ordinal);
            }

            // An existing one: the engine takes the timeout (it stops a stopped container at once, and restarts one
            // that is not running without waiting), and the request waits without a timer that could overflow.
            session.Run("New-Container -Image $TestImage -Name \"$Prefix-t\" -Command sleep,600 | Out-Null").AssertNoErrors();
            session.Run("Stop-Container -Name \"$Prefix-t\" -Timeout 99999999").AssertNoErrors();
            Assert.Equal("running", session.Run("(Restart-Container -Name \"$Prefix-t\" -Timeout 99999999 -PassThru).State").AssertNoErrors().Single().ToString());
            session.Run("Remove-Container -Name \"$Prefix-t\" -Force").AssertNoErrors();
        }

        [Fact]
        public async Task Image_references_with_capitals_or_spaces_are_refused_before_the_engine_or_a_registry_is_asked()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            const string Lowercase = "repository names must be lowercase";

            AssertRefused(session.Run("Invoke-ImagePull -Name UPPER/x:1"), "InvalidName", ErrorCategory.InvalidArgument, "'UPPER/x:1'");
            Assert.Contains(Lowercase, Refusal(session.Run("Invoke-ImagePull -Name UPPER/x:1")).ToString(), StringComparison.Ordinal);
            AssertRefused(session.Run("Invoke-ImagePush -Name UPPER/x:1"), "InvalidName", ErrorCategory.InvalidArgument, Lowercase);
            AssertRefused(session.Run("Add-ContainerImageTag -Name $TestImage -Tag UPPER/x:1"), "InvalidTag", ErrorCategory.InvalidArgument, "'UPPER/x:1'");
            // No lookup of a host called 'upper': refused as the repository it is.
            AssertRefused(session.Run("Get-ContainerRegistryTag -Name UPPER/case"), "InvalidName", ErrorCategory.InvalidArgument, "'UPPER/case'");
            AssertRefused(session.Run("Get-ContainerRegistryTag -Name UPPER/case"), "InvalidName", ErrorCategory.InvalidArgument, "'UPPER' is no registry host");

            // A trailing space is no part of a name: refused, and no container is made with it.
            AssertRefused(session.Run("New-Container -Image \"$TestImage \" -Name \"$Prefix-space\""), "InvalidImage", ErrorCategory.InvalidArgument, $"'{session.Engine.Image} '");
            AssertRefused(session.Run("Invoke-ContainerImage -Image \"$TestImage \" -Name \"$Prefix-space\" -Command true"), "InvalidImage", ErrorCategory.InvalidArgument, $"'{session.Engine.Image} '");
            AssertNoContainers(session);
            Assert.Empty(session.Run("Get-ContainerImage -Name 'upper/*', '*/x'").AssertNoErrors().Output);

            // A registry host with capitals (it has a '.' or ':') is still a registry; an image id still creates.
            session.Run("New-Container -Image (Get-ContainerImage -Name $TestImage).Id -Name \"$Prefix-byid\" | Out-Null").AssertNoErrors();
        }

        [Fact]
        public async Task A_pull_from_a_registry_nobody_answers_at_is_RegistryUnreachable()
        {
            using ModuleSession session = await ModuleSession.StartAsync();

            // Port 1 on loopback: nobody listens there; the engine's 500 says "dial tcp ... connection refused".
            RunResult run = session.Run("Invoke-ImagePull -Name 127.0.0.1:1/x:1");

            AssertRefused(run, "RegistryUnreachable", ErrorCategory.ConnectionError, "127.0.0.1:1");
            Assert.Contains("registry", Refusal(run).ErrorDetails.RecommendedAction, StringComparison.Ordinal);

            // A push there fails the same way (the engine says so inside its stream); the tag is the session's own.
            session.Run("Add-ContainerImageTag -Name $TestImage -Tag \"127.0.0.1:1/$Prefix-push:1\"").AssertNoErrors();
            AssertRefused(session.Run("Invoke-ImagePush -Name \"127.0.0.1:1/$Prefix-push:1\""), "RegistryUnreachable", ErrorCategory.ConnectionError, "127.0.0.1:1");
        }

        [Fact]
        public async Task Resuming_a_running_container_is_a_conflict_and_importing_a_folder_is_an_invalid_path()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("New-Container -Image $TestImage -Name \"$Prefix-run\" -Command sleep,600 | Start-Container").AssertNoErrors();

            AssertRefused(session.Run("Resume-Container -Name \"$Prefix-run\""), "ContainerConflict", ErrorCategory.InvalidOperation, "is not paused");
            // The same as pausing twice.
            session.Run("Suspend-Container -Name \"$Prefix-run\"").AssertNoErrors();
            AssertRefused(session.Run("Suspend-Container -Name \"$Prefix-run\""), "ContainerConflict", ErrorCategory.InvalidOperation, "already paused");
            session.Run("Remove-Container -Name \"$Prefix-run\" -Force").AssertNoErrors();

            string folder = Directory.CreateTempSubdirectory("import-folder").FullName;
            try
            {
                AssertRefused(session.Run("Import-ContainerImage -Path $folder", new Dictionary<string, object?> { ["folder"] = folder }), "InvalidPath", ErrorCategory.InvalidArgument, $"'{folder}' is a folder");
            }
            finally
            {
                Directory.Delete(folder);
            }
        }

        [Fact]
        public async Task An_address_that_is_no_address_and_a_file_that_is_no_socket_say_so()
        {
            using ModuleSession session = await ModuleSession.StartAsync();

            RunResult notAUri = session.Run("Connect-ContainerEngine -Uri 'not a uri'");
            AssertRefused(notAUri, "InvalidUri", ErrorCategory.InvalidArgument, "'not a uri' is not an address");

            string file = Path.GetTempFileName();
            File.WriteAllText(file, "no socket here\n");
            try
            {
                RunResult notASocket = session.Run("Get-Container -Engine \"unix://$file\"", new Dictionary<string, object?> { ["file"] = file });
                AssertRefused(notASocket, "EngineUnreachable", ErrorCategory.ConnectionError, $"'{file}' is a file, not a socket");
            }
            finally
            {
                File.Delete(file);
            }

            // The session's engine is what it was.
            session.Run("Get-Container -Name \"$Prefix-none*\"").AssertNoErrors();
        }

        [Fact]
        public async Task Connect_ContainerRegistry_WhatIf_checks_and_writes_nothing()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string config = Path.Combine(Environment.GetEnvironmentVariable("DOCKER_CONFIG")!, "config.json");
            string? before = File.Exists(config) ? File.ReadAllText(config) : null;
            var variables = new Dictionary<string, object?> { ["user"] = session.Engine.RegistryUser, ["password"] = session.Engine.RegistryPassword };

            // A registry nobody answers at: -WhatIf does not even check the login there.
            RunResult run = session.Run(
                "Connect-ContainerRegistry -Registry 127.0.0.1:1 -Credential ([pscredential]::new($user, (ConvertTo-SecureString $password -AsPlainText -Force))) -WhatIf",
                variables).AssertNoErrors();

            Assert.Empty(run.Output);
            Assert.Equal(before, File.Exists(config) ? File.ReadAllText(config) : null);
            Assert.DoesNotContain("127.0.0.1:1", before ?? string.Empty, StringComparison.Ordinal);
            Assert.Empty(session.Run("Get-ContainerRegistry -Registry 127.0.0.1:1 -ErrorAction SilentlyContinue").Output);
        }

        [Fact]
        public async Task Remove_ContainerHost_in_a_hosted_runspace_is_a_clear_error_and_removes_nothing()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string name = session.Prefix + "-host";
            string store = Environment.GetEnvironmentVariable("CONTAINERS_HOST_STORE")!;
            string folder = HostRecords.Write(store, name);
            try
            {
                RunResult run = session.Run($"Remove-ContainerHost -Name {name}");

                AssertRefused(run, "ConfirmationRequired", ErrorCategory.InvalidOperation, $"on '{name}' needs a confirmation");
                Assert.Contains("'Default Host' cannot prompt", Refusal(run).ToString(), StringComparison.Ordinal);
                Assert.Contains("-Confirm:$false", Refusal(run).ErrorDetails.RecommendedAction, StringComparison.Ordinal);
                Assert.True(File.Exists(Path.Combine(folder, "host.json")), "the host's record is still there");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public async Task Remove_ContainerHost_in_a_non_interactive_pwsh_is_a_clear_error_and_removes_nothing()
        {
            // A host record of a store of this test's own (set inside the pwsh, never in this process).
            string store = Directory.CreateTempSubdirectory("host-store").FullName;
            string name = "noprompt" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string folder = HostRecords.Write(store, name);
            try
            {
                // ConfirmImpact High asks by default; pwsh -NonInteractive cannot, and neither can -Confirm on any cmdlet there.
                Pwsh.Outcome run = await Pwsh.RunAsync(
                    $"$env:CONTAINERS_HOST_STORE = '{store}'; "
                    + $"try {{ Remove-ContainerHost -Name {name} -ErrorAction Stop }} catch {{ 'ID=' + $_.FullyQualifiedErrorId; 'CATEGORY=' + $_.CategoryInfo.Category; 'MESSAGE=' + $_; 'ADVICE=' + $_.ErrorDetails.RecommendedAction }}; "
                    + "try { New-ContainerVolume -Name \"noprompt-$PID\" -Confirm -ErrorAction Stop } catch { 'CONFIRM=' + $_.FullyQualifiedErrorId }; "
                    + $"'LEFT=' + (Get-ContainerHost -Name {name}).Name");

                Assert.True(run.ExitCode == 0, run.Error + run.Output);
                Assert.DoesNotContain("NullReference", run.Output + run.Error, StringComparison.Ordinal);
                Assert.Contains("ID=ConfirmationRequired,", run.Output, StringComparison.Ordinal);
                Assert.Contains("CATEGORY=InvalidOperation", run.Output, StringComparison.Ordinal);
                Assert.Contains($"MESSAGE=Nothing was done: Remove the host", run.Output, StringComparison.Ordinal);
                Assert.Contains($"on '{name}' needs a confirmation", run.Output, StringComparison.Ordinal);
                Assert.Contains("ADVICE=Add -Confirm:$false (or -Force", run.Output, StringComparison.Ordinal);
                Assert.Contains("CONFIRM=ConfirmationRequired,", run.Output, StringComparison.Ordinal);
                Assert.Contains("LEFT=" + name, run.Output, StringComparison.Ordinal);
                Assert.True(File.Exists(Path.Combine(folder, "host.json")));
            }
            finally
            {
                Directory.Delete(store, recursive: true);
            }
        }

        [Fact]
        public async Task Rows_with_a_Name_column_bind_and_other_modules_objects_are_refused()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run("New-Container -Image $TestImage -Name \"$Prefix-row\" -Command sleep,600 | Start-Container").AssertNoErrors();
            string csv = Path.GetTempFileName();
            File.WriteAllText(csv, "Name,Note\n" + session.Prefix + "-row,from a file\n");
            var variables = new Dictionary<string, object?> { ["csv"] = csv };
            try
            {
                // A Process has a Name too: it is not taken for a container's, and nothing is asked of the engine.
                RunResult process = session.Run("Get-Process -Id $PID | Stop-Container -WhatIf");
                AssertRefused(process, "InvalidPipelineInput", ErrorCategory.InvalidArgument, "System.Diagnostics.Process");
                Assert.Contains("Stop-Container was given a System.Diagnostics.Process", Refusal(process).ToString(), StringComparison.Ordinal);
                Assert.IsType<System.Diagnostics.Process>(Refusal(process).TargetObject);
                // Nor a file's.
                AssertRefused(session.Run("Get-Item $csv | Stop-Container", variables), "InvalidPipelineInput", ErrorCategory.InvalidArgument, "System.IO.FileInfo");
                Assert.Equal("running", session.Run("(Get-Container -Name \"$Prefix-row\").State").AssertNoErrors().Single().ToString());

                // Import-Csv rows, [pscustomobject]s and strings bind as before.
                Assert.Equal("exited", session.Run("Import-Csv $csv | Stop-Container -Timeout 0 -PassThru | ForEach-Object State", variables).AssertNoErrors().Single().ToString());
                Assert.Equal("running", session.Run("[pscustomobject]@{ Name = \"$Prefix-row\" } | Start-Container -PassThru | ForEach-Object State").AssertNoErrors().Single().ToString());
                session.Run("\"$Prefix-row\" | Remove-Container -Force").AssertNoErrors();
                AssertNoContainers(session);

                // The names themselves, when meant, are a choice the script makes.
                RunResult meant = session.Run("Get-Process -Id $PID | Select-Object -ExpandProperty Name | Stop-Container -WhatIf");
                Assert.Null(meant.Terminating);
                Assert.All(meant.Errors, error => Assert.StartsWith("ContainerNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal));
            }
            finally
            {
                File.Delete(csv);
            }
        }
    }
}
