using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Projects
{
    /// <summary>Start-, Get-, Stop- and Remove-ContainerProject through PowerShell: files found from the location, binding, pipelines, the view, completion, errors.</summary>
    public sealed class ProjectCmdletTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "containers-project-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public ProjectCmdletTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string WriteProject(string prefix)
        {
            File.WriteAllText(Path.Combine(_folder, "compose.yaml"), $@"name: {prefix}-app
services:
  web:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    depends_on: [db]
  db:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    volumes: [""data:/data""]
volumes:
  data: {{}}
");
            return _folder;
        }

        [Fact]
        public async Task A_project_starts_from_the_current_location_lists_stops_by_pipeline_and_goes_with_its_volume()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string folder = WriteProject(session.Prefix);
            string app = session.Prefix + "-app";

            RunResult started = session.Run($@"Set-Location '{folder}'; Start-ContainerProject -Environment @{{ IMAGE = $TestImage }}").AssertNoErrors();
            PSObject project = started.Single();
            Assert.Equal("Containers.Models.ContainerProject", project.BaseObject.GetType().FullName);
            Assert.Equal(app, project.Properties["Name"].Value);
            Assert.Equal("running(2)", project.Properties["Status"].Value);

            string table = session.Run($@"Get-ContainerProject -Name '{session.Prefix}-*' | Out-String -Width 120").AssertNoErrors().Text;
            Assert.Matches(@"Name\s+Status\s+ConfigFiles", table);
            Assert.Matches(app + @"\s+running\(2\)\s+" + System.Text.RegularExpressions.Regex.Escape(Path.Combine(folder, "compose.yaml")), table);
            Assert.Equal(new[] { app + "-db-1", app + "-web-1" }, session.Run($"(Get-ContainerProject {app}).Containers.Name").AssertNoErrors().Output.Select(name => name.BaseObject));

            Assert.Equal(new[] { app }, session.Complete($"Stop-ContainerProject -Name {session.Prefix}-").Select(result => result.CompletionText));

            Assert.Empty(session.Run($"Get-ContainerProject -Name {app} | Stop-ContainerProject -WhatIf").AssertNoErrors().Output);
            Assert.Equal("running(2)", session.Run($"(Get-ContainerProject {app}).Status").AssertNoErrors().Single().BaseObject);
            PSObject stopped = session.Run($"Get-ContainerProject -Name {app} | Stop-ContainerProject -PassThru").AssertNoErrors().Single();
            Assert.Equal("exited(2)", stopped.Properties["Status"].Value);
            string list = session.Run($"Get-ContainerProject {app} | Format-List | Out-String -Width 80").AssertNoErrors().Text;
            Assert.Contains("Services         : db, web", list);
            Assert.Contains($"Containers       : {app}-db-1, {app}-web-1", list);

            // Started again: the same containers, started; then down by its file, volume and all.
            session.Run($@"Start-ContainerProject -Path ./compose.yaml -Environment @{{ IMAGE = $TestImage }} -Service web | Out-Null").AssertNoErrors();
            Assert.Equal("running(2)", session.Run($"(Get-ContainerProject {app}).Status").AssertNoErrors().Single().BaseObject);
            session.Run("Remove-ContainerProject -Path ./compose.yaml -Volume -WhatIf").AssertNoErrors();
            Assert.Single(session.Run($"Get-ContainerProject {app}").AssertNoErrors().Output);

            PSObject removed = session.Run("Remove-ContainerProject -Path ./compose.yaml -Volume -PassThru").AssertNoErrors().Single();
            Assert.Equal(app, removed.Properties["Name"].Value);
            Assert.Empty(session.Run($"Get-ContainerProject '{app}*'").AssertNoErrors().Output);
            Assert.Empty(session.Run($"Get-ContainerNetwork -Name '{app}*'; Get-ContainerVolume -Name '{app}*'").AssertNoErrors().Output);
        }

        [Fact]
        public async Task Independent_services_brought_up_at_once_write_on_the_pipeline_thread_and_a_failed_one_is_one_error_naming_it()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string app = session.Prefix + "-par";
            // Four services that depend on nothing go at the same time; broken's container is made and fails to start.
            File.WriteAllText(Path.Combine(_folder, "compose.yaml"), $@"name: {app}
services:
  one:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
  two:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
  broken:
    image: ${{IMAGE}}
    command: [""/no/such/binary""]
  three:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
");
            try
            {
                RunResult run = session.Run($@"Start-ContainerProject -Path '{_folder}/compose.yaml' -Environment @{{ IMAGE = $TestImage }} -Verbose");
                Assert.Null(run.Terminating);
                ErrorRecord error = Assert.Single(run.Errors);
                Assert.StartsWith("Service 'broken': ", error.ErrorDetails?.Message ?? error.Exception.Message, StringComparison.Ordinal);
                Assert.Equal("broken", error.TargetObject);
                Assert.Contains($"Creating the container '{app}-one-1'.", run.Verbose);
                Assert.Contains($"Creating the container '{app}-three-1'.", run.Verbose);
                Assert.Empty(run.Output);
                string[] names = session.Run($"(Get-Container -All -Name '{app}-*').Name").AssertNoErrors().Output.Select(name => (string)name.BaseObject).OrderBy(name => name, StringComparer.Ordinal).ToArray();
                // The others were begun with it and are left up, as compose leaves them; broken's container is not left half made.
                Assert.Equal(new[] { $"{app}-one-1", $"{app}-three-1", $"{app}-two-1" }, names);
            }
            finally
            {
                session.Run($"Remove-ContainerProject -Name {app} -Volume");
            }
        }

        [Fact]
        public async Task A_bad_file_and_a_missing_project_are_errors_with_their_ids_and_nothing_is_made()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string folder = WriteProject(session.Prefix);
            File.AppendAllText(Path.Combine(folder, "compose.yaml"), "networks:\n  front:\n    drivr: bridge\n");

            RunResult bad = session.Run($@"Start-ContainerProject -Path '{folder}/compose.yaml' -Environment @{{ IMAGE = $TestImage }}");
            ErrorRecord error = Assert.Single(bad.AllErrors);
            Assert.StartsWith("ComposeFileInvalid", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("line 17", error.Exception.Message);
            Assert.Contains("drivr", error.Exception.Message);
            Assert.Empty(session.Run($"Get-Container -All -Name '{session.Prefix}*'; Get-ContainerNetwork -Name '{session.Prefix}*'").AssertNoErrors().Output);

            RunResult missing = session.Run($"Stop-ContainerProject -Name {session.Prefix}-none; Remove-ContainerProject -Name {session.Prefix}-none; Get-ContainerProject -Name {session.Prefix}-none");
            Assert.Null(missing.Terminating);
            Assert.Equal(3, missing.Errors.Count);
            Assert.All(missing.Errors, record =>
            {
                Assert.StartsWith("ContainerProjectNotFound", record.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
            });
        }

        [Fact]
        public async Task Timeout_binds_a_healthy_wait_pull_policy_holds_unless_Pull_is_given_and_passed_over_keys_are_warnings()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string app = session.Prefix + "-health";
            File.WriteAllText(Path.Combine(_folder, "compose.yaml"), $@"name: {app}
services:
  web:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    pull_policy: always
    sysctls:
      net.core.somaxconn: 1024
    depends_on:
      db:
        condition: service_healthy
  db:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_grace_period: 1m
    pull_policy: never
    healthcheck:
      test: [""CMD"", ""true""]
      interval: 1m
");
            try
            {
                // web's pull_policy: always pulls the test image from a registry that is not there: an error naming web.
                RunResult pulled = session.Run($@"Set-Location '{_folder}'; Start-ContainerProject -Environment @{{ IMAGE = $TestImage }}");
                ErrorRecord pull = Assert.Single(pulled.AllErrors);
                Assert.StartsWith("Service 'web': ", pull.ErrorDetails?.Message ?? pull.Exception.Message, StringComparison.Ordinal);
                Assert.Contains("The service 'web' sets sysctls, which Start-ContainerProject does not apply: it is passed over.", pulled.Warnings);
                Assert.Empty(session.Run($"Get-Container -All -Name '{app}*'").AssertNoErrors().Output);

                // -Pull Missing wins over both policies; db's first check comes after a minute, so the wait ends at -Timeout.
                RunResult waited = session.Run($@"Start-ContainerProject -Environment @{{ IMAGE = $TestImage }} -Pull Missing -Timeout 1");
                Assert.Empty(waited.Output);
                ErrorRecord timedOut = Assert.Single(waited.AllErrors);
                Assert.StartsWith("ProjectDependencyTimeout", timedOut.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.OperationTimeout, timedOut.CategoryInfo.Category);
                Assert.Equal("Service 'web': the service 'db' it depends on (condition service_healthy) was not healthy within 1 seconds.", timedOut.ErrorDetails?.Message ?? timedOut.Exception.Message);
                Assert.Equal(new object[] { app + "-db-1" }, session.Run($"(Get-Container -Name '{app}*').Name").AssertNoErrors().Output.Select(name => name.BaseObject));

                // db's one-minute grace period is cut short by -Timeout.
                var watch = System.Diagnostics.Stopwatch.StartNew();
                session.Run($"Stop-ContainerProject -Name {app} -Timeout 0").AssertNoErrors();
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"Stop -Timeout 0 took {watch.Elapsed}");
                Assert.Equal("exited(1)", session.Run($"(Get-ContainerProject {app}).Status").AssertNoErrors().Single().BaseObject);
            }
            finally
            {
                session.Run($"Remove-ContainerProject -Name {app} -Timeout 0 -ErrorAction SilentlyContinue");
            }
        }
    }
}
