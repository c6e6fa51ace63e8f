using System.Diagnostics;
using Containers.Commands.Projects;
using Containers.Compose;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Projects
{
    /// <summary>
    /// A service's healthcheck on its containers, and depends_on condition service_healthy waited for: the dependent is
    /// created only once the dependency is healthy; a dependency that turns unhealthy, exits, has no healthcheck or is
    /// not healthy within -Timeout is an error naming it, and what was started stays.
    /// </summary>
    public class ProjectHealthcheckTests : ProjectCommandTest
    {
        // db checks itself with CHECK; web waits for it to be healthy.
        private static string HealthyPair(string check, string extra = "") => $@"services:
  web:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    depends_on:
      db:
        condition: service_healthy
  db:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    healthcheck:
{check}{extra}";

        [Fact]
        public async Task The_healthcheck_is_the_containers_and_a_service_healthy_dependent_is_created_once_the_dependency_is_healthy()
        {
            string file = Folder.Write("compose.yaml", HealthyPair(@"      test: [""CMD"", ""true""]
      interval: 1s
      timeout: 1500ms
      retries: 2
      start_period: 1m30s
"));
            var output = new RecordingOutput();
            await UpAsync(file, output);
            Assert.Empty(output.Warnings);
            Assert.Contains(output.Verbose, line => line == $"Waiting for the service 'db' to be healthy before 'web'.");
            Assert.Contains(output.Progress, progress => progress.Status == "Service web" && progress.CurrentOperation == "Waiting for db");

            Dictionary<string, ContainerSummary> containers = await ContainersAsync();
            ContainerInspect db = await Client.Containers.InspectAsync(containers[Project + "-db-1"].Id);
            ContainerInspect web = await Client.Containers.InspectAsync(containers[Project + "-web-1"].Id);
            HealthConfig health = db.Config!.Healthcheck!;
            Assert.Equal(new[] { "CMD", "true" }, health.Test);
            Assert.Equal(1_000_000_000L, health.Interval);
            Assert.Equal(1_500_000_000L, health.Timeout);
            Assert.Equal(2, health.Retries);
            Assert.Equal(90_000_000_000L, health.StartPeriod);
            Assert.Equal("healthy", db.State!.Health!.Status);

            // web was created only after db's first passing check.
            HealthcheckResult first = db.State.Health.Log!.First(result => result.ExitCode == 0);
            Assert.True(DateTimeOffset.Parse(first.End!) <= DateTimeOffset.Parse(web.Created!), $"web created {web.Created}, db healthy {first.End}");

            // A second run finds db healthy at once and keeps both containers.
            await UpAsync(file);
            Assert.Equal(containers.ToDictionary(pair => pair.Key, pair => pair.Value.Id), (await ContainersAsync()).ToDictionary(pair => pair.Key, pair => pair.Value.Id));
        }

        [Fact]
        public async Task A_dependency_that_turns_unhealthy_is_ProjectDependencyFailed_naming_it_and_stays_running_without_its_dependent()
        {
            // A string test is CMD-SHELL, as compose reads it.
            string file = Folder.Write("compose.yaml", HealthyPair(@"      test: echo sick; exit 1
      interval: 1s
      retries: 1
"));
            var output = new RecordingOutput();
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, output, default));

            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ProjectDependencyFailed", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
            Assert.Equal("web", error.Target);
            Assert.StartsWith("Service 'web': the service 'db' it depends on (condition service_healthy) is unhealthy", error.Message);
            Assert.Contains("'sick'", error.Message);
            Dictionary<string, ContainerSummary> made = await ContainersAsync();
            Assert.Equal(new[] { Project + "-db-1" }, made.Keys);
            Assert.Equal("running", made[Project + "-db-1"].State);
            ContainerInspect db = await Client.Containers.InspectAsync(made[Project + "-db-1"].Id);
            Assert.Equal(new[] { "CMD-SHELL", "echo sick; exit 1" }, db.Config!.Healthcheck!.Test);
            Assert.True(output.Progress.Last().Completed);
        }

        [Fact]
        public async Task An_optional_dependency_that_turns_unhealthy_is_a_warning_and_the_dependent_starts()
        {
            string file = Folder.Write("compose.yaml", HealthyPair(@"      test: [""CMD"", ""false""]
      interval: 1s
      retries: 1
").Replace("        condition: service_healthy", "        condition: service_healthy\n        required: false"));
            var output = new RecordingOutput();
            await UpAsync(file, output);
            Assert.Equal(
                "Service 'web': the service 'db' it depends on (condition service_healthy) is unhealthy (its container '" + Project + "-db-1'). It is optional (required: false): 'web' starts without it.",
                Assert.Single(output.Warnings));
            Dictionary<string, ContainerSummary> made = await ContainersAsync();
            Assert.Equal("running", made[Project + "-web-1"].State);
            Assert.Equal("running", made[Project + "-db-1"].State);
        }

        [Fact]
        public async Task A_dependency_that_exits_or_has_no_healthcheck_is_an_error_naming_it()
        {
            string exits = Folder.Write("compose.yaml", HealthyPair(@"      test: [""CMD"", ""true""]
      interval: 30s
").Replace("  db:\n    image: ${IMAGE}\n    command: [\"sleep\", \"300\"]", "  db:\n    image: ${IMAGE}\n    command: [\"sh\", \"-c\", \"exit 4\"]"));
            var output = new RecordingOutput();
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { exits }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, output, default));
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ProjectDependencyFailed", error.ErrorId);
            Assert.Contains("the service 'db' it depends on (condition service_healthy) exited with code 4", error.Message);
            Assert.Equal(new[] { Project + "-db-1" }, (await ContainersAsync()).Keys);

            // disable: true turns the check off (the engine's NONE): nothing to wait for is an error too, not a hang.
            await new RemoveContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, new RecordingOutput(), default);
            string disabled = Folder.Write("compose.yaml", HealthyPair("      disable: true\n"));
            var second = new RecordingOutput();
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { disabled }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, second, default));
            Assert.Contains("(condition service_healthy) has no healthcheck to wait for", Assert.Single(second.Errors).Message);
            ContainerSummary db = Assert.Single((await ContainersAsync()).Values);
            Assert.Equal(new[] { "NONE" }, (await Client.Containers.InspectAsync(db.Id)).Config!.Healthcheck!.Test);
        }

        [Fact]
        public async Task Timeout_ends_the_wait_with_ProjectDependencyTimeout_naming_the_service_waited_for()
        {
            // The first check comes after a minute: db stays "starting" well past the two seconds given.
            string file = Folder.Write("compose.yaml", HealthyPair(@"      test: [""CMD"", ""true""]
      interval: 1m
"));
            var output = new RecordingOutput();
            var watch = Stopwatch.StartNew();
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables, Timeout = 2 }.ExecuteAsync(Engine, output, default));
            watch.Stop();

            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ProjectDependencyTimeout", error.ErrorId);
            Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
            Assert.Equal("Service 'web': the service 'db' it depends on (condition service_healthy) was not healthy within 2 seconds.", error.Message);
            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
            Dictionary<string, ContainerSummary> made = await ContainersAsync();
            Assert.Equal(new[] { Project + "-db-1" }, made.Keys);
            Assert.Equal("running", made[Project + "-db-1"].State);
        }

        [Fact]
        public async Task Timeout_bounds_a_service_completed_successfully_wait_too()
        {
            string file = Folder.Write("compose.yaml", @"services:
  app:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    depends_on:
      migrate:
        condition: service_completed_successfully
  migrate:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
");
            var output = new RecordingOutput();
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables, Timeout = 1 }.ExecuteAsync(Engine, output, default));
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ProjectDependencyTimeout", error.ErrorId);
            Assert.Equal("Service 'app': the service 'migrate' it depends on (condition service_completed_successfully) was not completed within 1 seconds.", error.Message);
            Assert.Equal(new[] { Project + "-migrate-1" }, (await ContainersAsync()).Keys);
        }

        [Fact]
        public void A_duration_that_is_not_a_Go_duration_is_ComposeFileInvalid_at_its_line()
        {
            string file = Folder.Write("compose.yaml", HealthyPair(@"      test: [""CMD"", ""true""]
      interval: 10 seconds
"));
            var error = Assert.Throws<ComposeFileException>(() => ComposeReader.Read(new[] { file }, new ComposeReadOptions { ProjectName = Project, Environment = Variables }));
            Assert.Equal(15, error.Line);
            Assert.Contains("healthcheck.interval", error.Key);
            Assert.Contains("'10 seconds' is not a duration", error.Message);
        }
    }
}
