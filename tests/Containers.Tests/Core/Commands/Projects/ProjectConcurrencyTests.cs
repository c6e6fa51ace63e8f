using Containers.Commands.Projects;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Projects
{
    /// <summary>
    /// Services that do not depend on each other are brought up at the same time, as compose does: one does not wait
    /// behind another's dependency wait, while a dependent still starts only once its dependency's condition holds. A
    /// service that fails leaves no container of its own and stops what depends on it; the others stay as they are.
    /// </summary>
    public class ProjectConcurrencyTests : ProjectCommandTest
    {
        [Fact]
        public async Task Independent_services_start_without_waiting_behind_a_dependents_wait_and_the_dependent_starts_after_its_dependency_is_healthy()
        {
            // In the files' order web (waiting some seconds for db to be healthy) comes before cache and queue: brought up
            // one at a time, they would start only after that wait.
            string file = Folder.Write("compose.yaml", @"services:
  db:
    image: ${IMAGE}
    command: [""sh"", ""-c"", ""sleep 5; touch /tmp/ready; exec sleep 300""]
    stop_signal: SIGKILL
    healthcheck:
      test: [""CMD"", ""test"", ""-f"", ""/tmp/ready""]
      interval: 1s
      retries: 30
  web:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    depends_on:
      db:
        condition: service_healthy
  cache:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
  queue:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
");
            var output = new RecordingOutput();
            await UpAsync(file, output);

            Dictionary<string, ContainerSummary> containers = await ContainersAsync();
            async Task<ContainerInspect> Inspect(string service) => await Client.Containers.InspectAsync(containers[$"{Project}-{service}-1"].Id);
            ContainerInspect db = await Inspect("db");
            ContainerInspect web = await Inspect("web");
            DateTimeOffset healthy = DateTimeOffset.Parse(db.State!.Health!.Log!.First(result => result.ExitCode == 0).End!);
            foreach (string service in new[] { "cache", "queue" })
            {
                ContainerInspect independent = await Inspect(service);
                DateTimeOffset started = DateTimeOffset.Parse(independent.State!.StartedAt!);
                Assert.True(started < healthy, $"{service} started {started:O}, db healthy {healthy:O}: it waited behind web");
                Assert.True(started < DateTimeOffset.Parse(web.State!.StartedAt!), $"{service} started after web");
            }

            Assert.True(healthy <= DateTimeOffset.Parse(web.Created!), $"web created {web.Created}, db healthy {healthy:O}");
        }

        [Fact]
        public async Task A_service_whose_start_fails_is_named_leaves_no_container_and_what_depends_on_it_is_not_made_while_its_sibling_runs()
        {
            // The engine creates broken's container and fails to start it (no such executable).
            string file = Folder.Write("compose.yaml", @"services:
  ok:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
  broken:
    image: ${IMAGE}
    command: [""/no/such/binary""]
  after:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    depends_on: [broken]
");
            var output = new RecordingOutput();
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, output, default));

            CommandError error = Assert.Single(output.Errors);
            Assert.StartsWith("Service 'broken': ", error.Message);
            Assert.Equal("broken", error.Target);
            Dictionary<string, ContainerSummary> made = await ContainersAsync();
            Assert.Equal(new[] { Project + "-ok-1" }, made.Keys);
            Assert.Equal("running", made[Project + "-ok-1"].State);
            Assert.True(output.Progress.Last().Completed);
        }

        [Fact]
        public async Task Cancelling_stops_a_dependents_wait_and_makes_nothing_more_while_what_was_started_stays()
        {
            // db stays "starting" (its check fails within a long start period), so web waits for it until cancelled.
            string file = Folder.Write("compose.yaml", @"services:
  db:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    healthcheck:
      test: [""CMD"", ""false""]
      interval: 1s
      start_period: 5m
  web:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    depends_on:
      db:
        condition: service_healthy
  cache:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
");
            var output = new RecordingOutput();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var command = new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables };
            Task<ContainerProject?> up = command.ExecuteAsync(Engine, output, cancel.Token);
            while (!up.IsCompleted && !output.Verbose.Contains("Waiting for the service 'db' to be healthy before 'web'."))
            {
                await Task.Delay(50);
            }

            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => up);

            // db was up before web began to wait; cache, going at the same time, is up or, cut short, not there at all.
            Assert.Empty(output.Errors);
            Dictionary<string, ContainerSummary> made = await ContainersAsync();
            Assert.Equal("running", made[Project + "-db-1"].State);
            Assert.DoesNotContain(Project + "-web-1", made.Keys);
            Assert.All(made.Values, container => Assert.Equal("running", container.State));
        }
    }
}
