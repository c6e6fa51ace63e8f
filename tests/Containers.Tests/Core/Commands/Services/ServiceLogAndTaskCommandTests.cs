using System.Collections;
using Containers.Commands.Services;
using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Services
{
    public sealed class ServiceLogAndTaskCommandTests : ServiceCommandTest
    {
        [Fact]
        public async Task Service_logs_are_log_lines_naming_the_task_and_node_each_came_from()
        {
            string name = NewName("logs");
            var options = Sleeper(name, 2);
            options.Command = new[] { "sh", "-c", "echo out-$(hostname); echo err-line >&2; exec sleep 3600" };
            await CreateAsync(options);
            IReadOnlyList<ContainerServiceTask> tasks = await TasksAsync(name, "running");

            IReadOnlyList<ContainerLogLine> lines = Array.Empty<ContainerLogLine>();
            await EventuallyAsync(async () =>
            {
                var output = new RecordingOutput();
                await new GetContainerServiceLogCommand { Timestamps = true }.ExecuteAsync(Engine, new[] { name }, output, default);
                Assert.Empty(output.Errors);
                lines = output.ObjectsOf<ContainerLogLine>();
                return lines.Count == 4;
            }, "both tasks' lines are logged");

            Assert.Equal(2, lines.Count(l => l.Stream == LogStream.Stderr && l.Text == "err-line"));
            Assert.Equal(2, lines.Count(l => l.Stream == LogStream.Stdout && l.Text.StartsWith("out-", StringComparison.Ordinal)));
            Assert.Equal(tasks.Select(t => t.Id).OrderBy(id => id), lines.Select(l => l.TaskId).Distinct().OrderBy(id => id));
            Assert.All(lines, line =>
            {
                ContainerServiceTask task = tasks.Single(t => t.Id == line.TaskId);
                Assert.Equal(task.Name, line.ContainerName);
                Assert.Equal(Swarm.NodeName, line.NodeName);
                Assert.NotNull(line.Timestamp);
                Assert.InRange(line.Timestamp!.Value, DateTime.Now.AddMinutes(-5), DateTime.Now.AddMinutes(1));
            });

            // Each task's last two lines are its two; the tail is taken before standard error is left out.
            var stdoutOnly = new RecordingOutput();
            await new GetContainerServiceLogCommand { IncludeStderr = false, Tail = 2 }.ExecuteAsync(Engine, new[] { name }, stdoutOnly, default);
            Assert.All(stdoutOnly.ObjectsOf<ContainerLogLine>(), l => Assert.Equal(LogStream.Stdout, l.Stream));
            Assert.Equal(2, stdoutOnly.ObjectsOf<ContainerLogLine>().Count);
            Assert.Null(stdoutOnly.ObjectsOf<ContainerLogLine>()[0].Timestamp);
        }

        [Fact]
        public async Task A_registry_login_goes_with_the_service_and_the_engine_takes_it()
        {
            // No registry is reachable from the swarm's node (its loopback is its own), so what is checked is that the
            // engine accepts the header on create and update; a pull with it on a node is not exercised here.
            string name = NewName("auth");
            var output = new RecordingOutput();
            NewContainerServiceCommand command = NewContainerServiceCommand.FromOptions(Sleeper(name, 1));
            command.Image = new ServiceImage { Resolution = ServiceImageResolution.Never, Credential = new RegistryCredential("svc-user", "svc-secret") };
            await command.ExecuteAsync(Engine, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(1UL, Assert.Single(output.ObjectsOf<ContainerService>()).Running);

            var update = new RecordingOutput();
            await new SetContainerServiceCommand
            {
                NewImage = Swarm.Image,
                Image = new ServiceImage { Resolution = ServiceImageResolution.Never, Credential = new RegistryCredential("svc-user", "svc-secret") },
            }.ExecuteAsync(Engine, new[] { name }, update, default);
            Assert.Empty(update.Errors);
            Assert.DoesNotContain(update.Verbose, line => line.Contains("svc-secret"));
        }

        [Fact]
        public async Task An_engine_outside_a_swarm_is_NotInSwarm()
        {
            PrivateEngine plain = await PrivateEngine.GetAsync();
            EngineException refused = await Assert.ThrowsAnyAsync<EngineException>(
                () => new GetContainerServiceCommand().ExecuteAsync(plain.Engine, new RecordingOutput(), default));
            CommandError error = ErrorClassifier.Classify(refused, null, ServiceTargets.Resource);
            Assert.Equal("NotInSwarm", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);

            // New, resolving the image at its registry by default, is refused before it asks the registry: no warning
            // about a lookup that could not matter.
            var output = new RecordingOutput();
            EngineException refusedNew = await Assert.ThrowsAnyAsync<EngineException>(
                () => NewContainerServiceCommand.FromOptions(Sleeper(NewName("outside"), 1)).ExecuteAsync(plain.Engine, output, default));
            Assert.Equal("NotInSwarm", ErrorClassifier.Classify(refusedNew, null, ServiceTargets.Resource).ErrorId);
            Assert.Empty(output.Warnings);
        }

        [Fact]
        public async Task Tasks_of_several_services_come_by_name_and_wildcard_with_DesiredState_keeping_the_current_ones()
        {
            string prefix = NewName("many");
            string first = prefix + "-a";
            string second = prefix + "-b";
            await CreateAsync(Sleeper(first, 1));
            await CreateAsync(Sleeper(second, 2));
            try
            {
                var output = new RecordingOutput();
                await new GetContainerServiceTaskCommand { DesiredState = "running" }.ExecuteAsync(Engine, new[] { prefix + "-*" }, output, default);
                Assert.Equal(new[] { first + ".1", second + ".1", second + ".2" }, output.ObjectsOf<ContainerServiceTask>().Select(t => t.Name));
            }
            finally
            {
                await Swarm.Client.Services.RemoveAsync(first);
                await Swarm.Client.Services.RemoveAsync(second);
            }
        }
    }
}
