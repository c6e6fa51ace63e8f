using System.Collections;
using Containers.Commands.Services;
using Containers.Commands.Targets;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Services
{
    public sealed class NewAndGetServiceCommandTests : ServiceCommandTest
    {
        [Fact]
        public async Task A_service_of_two_replicas_is_created_with_its_tasks_running_and_scales_up_and_down()
        {
            string name = NewName("scale");
            var output = new RecordingOutput();
            ServiceOptions options = Sleeper(name, 2);
            options.Label = new Hashtable { ["tier"] = "test" };
            options.Port = new[] { "18080:80" };
            options.Limit = new Hashtable { ["Memory"] = "64m", ["Cpu"] = 0.5 };
            options.Environment = new Hashtable { ["GREETING"] = "hi" };
            ContainerService made = await CreateAsync(options, output);

            Assert.Equal(("service '" + name + "' from image '" + Swarm.Image + "' on swarm", "Create"), Assert.Single(output.Asked));
            Assert.Equal(name, made.Name);
            Assert.Equal(ContainerServiceMode.Replicated, made.Mode);
            Assert.Equal(2UL, made.Replicas);
            Assert.Equal(2UL, made.Running);
            Assert.Equal(Swarm.Image, made.Image);
            Assert.Equal("test", made.Labels["tier"]);
            Assert.Equal("*:18080->80/tcp", Assert.Single(made.Ports).ToString());
            Assert.InRange(made.CreatedAt, DateTime.Now.AddMinutes(-5), DateTime.Now.AddMinutes(5));
            Assert.Same(Engine, made.Engine);
            Assert.Contains(output.Progress, p => p.Status.Contains("of 2 tasks running"));
            Assert.True(output.Progress.Last().Completed);

            IReadOnlyList<ContainerServiceTask> tasks = await TasksAsync(name, "running");
            Assert.Equal(new[] { 1, 2 }, tasks.Select(t => t.Slot));
            Assert.All(tasks, task =>
            {
                Assert.Equal("running", task.State);
                Assert.Equal(name, task.Service);
                Assert.Equal(Swarm.NodeName, task.NodeName);
                Assert.NotNull(task.ContainerId);
                Assert.Null(task.Error);
            });
            Assert.Equal(name + ".1", tasks[0].Name);

            var listed = new RecordingOutput();
            await new GetContainerServiceCommand { Name = new[] { name.Substring(0, name.Length - 2) + "*" } }.ExecuteAsync(Engine, listed, default);
            ContainerService read = Assert.Single(listed.ObjectsOf<ContainerService>());
            Assert.Equal("2/2", $"{read.Running}/{read.Replicas}");
            var byId = new RecordingOutput();
            await new GetContainerServiceCommand { Name = new[] { made.Id.Substring(0, 10) } }.ExecuteAsync(Engine, byId, default);
            Assert.Equal(name, Assert.Single(byId.ObjectsOf<ContainerService>()).Name);

            var up = new RecordingOutput();
            await new SetContainerServiceCommand { Replicas = 3, PassThru = true }.ExecuteAsync(Engine, new[] { name }, up, default);
            Assert.Empty(up.Errors);
            Assert.Equal(("service '" + name + "' on swarm", "Update"), Assert.Single(up.Asked));
            Assert.Equal(3UL, Assert.Single(up.ObjectsOf<ContainerService>()).Running);
            Assert.Equal(3, (await TasksAsync(name, "running")).Count(t => t.State == "running"));

            var down = new RecordingOutput();
            await new SetContainerServiceCommand { Replicas = 0, PassThru = true }.ExecuteAsync(Engine, new[] { name }, down, default);
            Assert.Empty(down.Errors);
            ContainerService none = Assert.Single(down.ObjectsOf<ContainerService>());
            Assert.Equal(0UL, none.Replicas);
            Assert.Equal(0UL, none.Running);
            Assert.DoesNotContain(await TasksAsync(name), t => t.State == "running");
        }

        [Fact]
        public async Task A_task_that_fails_to_start_is_an_error_naming_it_and_the_service_stays()
        {
            string name = NewName("fail");
            var output = new RecordingOutput();
            ServiceOptions options = Sleeper(name, 1);
            options.Command = new[] { "sh", "-c", "echo going; exit 3" };
            NewContainerServiceCommand command = NewContainerServiceCommand.FromOptions(options);
            command.Image = new ServiceImage { Resolution = ServiceImageResolution.Never };
            await command.ExecuteAsync(Engine, output, default);

            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ServiceTaskFailed", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidResult, error.Kind);
            Assert.Contains(name + ".1 (", error.Message);
            Assert.Contains("non-zero exit (3)", error.Message);
            Assert.Contains("stays", error.Message);
            Assert.Equal(name, Assert.Single(output.ObjectsOf<ContainerService>()).Name);
            Assert.Contains(await TasksAsync(name), t => t.State == "failed" && t.ExitCode == 3 && t.Error == "task: non-zero exit (3)");
        }

        [Fact]
        public async Task NoWait_returns_before_the_tasks_run_and_Always_warns_when_the_registry_cannot_be_asked()
        {
            string name = NewName("nowait");
            var output = new RecordingOutput();
            NewContainerServiceCommand command = NewContainerServiceCommand.FromOptions(Sleeper(name, 1));
            command.NoWait = true;
            // The test image names a registry on the node's own loopback, where none listens: the lookup fails at once.
            command.Image = new ServiceImage { Resolution = ServiceImageResolution.Always };
            await command.ExecuteAsync(Engine, output, default);

            Assert.Empty(output.Errors);
            Assert.Empty(output.Progress);
            Assert.Contains("could not be looked up at its registry", Assert.Single(output.Warnings));
            ContainerService made = Assert.Single(output.ObjectsOf<ContainerService>());
            Assert.Equal(Swarm.Image, made.Image);
            await EventuallyAsync(async () => (await TasksAsync(name, "running")).Any(t => t.State == "running"), "the task runs");
        }

        [Fact]
        public async Task A_name_in_use_is_ServiceNameInUse_and_WhatIf_creates_nothing()
        {
            string name = NewName("dup");
            await CreateAsync(Sleeper(name, 1));

            NewContainerServiceCommand again = NewContainerServiceCommand.FromOptions(Sleeper(name, 1));
            again.Image = new ServiceImage { Resolution = ServiceImageResolution.Never };
            var refused = new RecordingOutput();
            await again.ExecuteAsync(Engine, refused, default);
            CommandError error = Assert.Single(refused.Errors);
            Assert.Empty(refused.Objects);
            Assert.Equal(name, error.Target);
            Assert.Equal("ServiceNameInUse", error.ErrorId);
            Assert.Equal(ErrorKind.ResourceExists, error.Kind);

            string other = NewName("whatif");
            var whatIf = new RecordingOutput { Approve = false };
            await NewContainerServiceCommand.FromOptions(Sleeper(other, 1)).ExecuteAsync(Engine, whatIf, default);
            Assert.Single(whatIf.Asked);
            Assert.Empty(whatIf.Objects);
            Assert.DoesNotContain(await Swarm.Client.Services.ListAsync(), s => s.Spec.Name == other);
        }

        [Fact]
        public async Task A_missing_service_is_ServiceNotFound_for_every_command_and_a_wildcard_matching_nothing_is_quiet()
        {
            string name = NewName("missing");
            var get = new RecordingOutput();
            await new GetContainerServiceCommand { Name = new[] { name, name + "*" } }.ExecuteAsync(Engine, get, default);
            CommandError error = Assert.Single(get.Errors);
            Assert.Equal("ServiceNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Empty(get.Objects);

            foreach (TargetCommand command in new TargetCommand[]
            {
                new RemoveContainerServiceCommand(), new SetContainerServiceCommand { Replicas = 1 }, new GetContainerServiceTaskCommand(),
            })
            {
                var output = new RecordingOutput();
                await command.ExecuteAsync(Engine, new[] { name }, output, default);
                Assert.Equal("ServiceNotFound", Assert.Single(output.Errors).ErrorId);
            }

            var logs = new RecordingOutput();
            await new GetContainerServiceLogCommand().ExecuteAsync(Engine, new[] { name }, logs, default);
            Assert.Equal("ServiceNotFound", Assert.Single(logs.Errors).ErrorId);
        }

        [Fact]
        public async Task Remove_asks_first_and_the_tasks_go_away()
        {
            string name = NewName("rm");
            ContainerService made = await CreateAsync(Sleeper(name, 1));

            var whatIf = new RecordingOutput { Approve = false };
            await new RemoveContainerServiceCommand().ExecuteAsync(Engine, new[] { name }, whatIf, default);
            Assert.Equal(("service '" + name + "' on swarm", "Remove"), Assert.Single(whatIf.Asked));
            Assert.Single(await TasksAsync(name));

            var output = new RecordingOutput();
            await new RemoveContainerServiceCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Errors);
            Assert.DoesNotContain(await Swarm.Client.Services.ListAsync(), s => s.Spec.Name == name);
            await EventuallyAsync(
                async () => (await Swarm.Client.Containers.ListAsync(new ContainerListParameters { All = true })).All(c => c.Labels?.TryGetValue("com.docker.swarm.service.id", out string? id) != true || id != made.Id),
                "the service's containers are gone");
        }
    }
}
