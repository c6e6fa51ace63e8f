using System.Collections;
using System.Text;
using Containers.Commands.Services;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Services
{
    /// <summary>
    /// Set-ContainerService's task settings: each given one changes the service's spec and the container of the task
    /// that then runs (read through the engine); what is not given stays; an empty value clears; the wait has a timeout.
    /// </summary>
    public sealed class SetServiceTaskSettingsTests : ServiceCommandTest
    {
        [Fact]
        public async Task Environment_user_directory_labels_limits_mounts_and_restart_policy_reach_the_new_task_and_the_rest_stays()
        {
            string name = NewName("task");
            ServiceOptions options = Sleeper(name, 1);
            options.Environment = new Hashtable { ["KEEP"] = "old" };
            options.Label = new Hashtable { ["tier"] = "front" };
            options.Constraint = new[] { "node.role==manager" };
            await CreateAsync(options);
            string before = Assert.Single(await TasksAsync(name, "running")).Id;

            ContainerService updated = await SetAsync(name, new ServiceTaskOptions
            {
                Environment = new Hashtable { ["GREETING"] = "hello" },
                User = "nobody",
                WorkingDirectory = "/tmp",
                Label = new Hashtable { ["tier"] = "back" },
                Limit = new Hashtable { ["Memory"] = "64m", ["Cpu"] = 0.5 },
                Reserve = new Hashtable { ["Memory"] = "8m" },
                Mount = new object[] { "type=tmpfs,target=/cache" },
                RestartCondition = "OnFailure",
                RestartMaxAttempts = 3,
            });
            Assert.Equal(1UL, updated.Running);

            Service service = await Swarm.Client.Services.InspectAsync(name);
            ContainerSpec container = service.Spec.TaskTemplate.ContainerSpec;
            Assert.Equal(new[] { "GREETING=hello" }, container.Env);
            Assert.Equal("nobody", container.User);
            Assert.Equal("/tmp", container.Dir);
            Assert.Equal("back", service.Spec.Labels?["tier"]);
            Assert.Equal(64L * 1024 * 1024, service.Spec.TaskTemplate.Resources?.Limits?.MemoryBytes);
            Assert.Equal(500_000_000L, service.Spec.TaskTemplate.Resources?.Limits?.NanoCPUs);
            Assert.Equal(8L * 1024 * 1024, service.Spec.TaskTemplate.Resources?.Reservations?.MemoryBytes);
            Assert.Equal("on-failure", service.Spec.TaskTemplate.RestartPolicy?.Condition);
            Assert.Equal(3UL, service.Spec.TaskTemplate.RestartPolicy?.MaxAttempts);
            // Not given: as they were.
            Assert.Equal(new[] { "sleep", "3600" }, container.Args);
            Assert.Equal(Swarm.Image, container.Image);
            Assert.Equal(new[] { "node.role==manager" }, service.Spec.TaskTemplate.Placement?.Constraints);
            Assert.Equal(1UL, service.Spec.Mode?.Replicated?.Replicas);

            // The task running now is a new one, and its container has it all.
            ContainerServiceTask task = Assert.Single(await TasksAsync(name, "running"));
            Assert.NotEqual(before, task.Id);
            ContainerInspect inspected = await Swarm.Client.Containers.InspectAsync(task.ContainerId!);
            Assert.Contains("GREETING=hello", inspected.Config!.Env!);
            Assert.DoesNotContain(inspected.Config.Env!, entry => entry.StartsWith("KEEP=", StringComparison.Ordinal));
            Assert.Equal("nobody", inspected.Config.User);
            Assert.Equal("/tmp", inspected.Config.WorkingDir);
            Assert.Equal(64L * 1024 * 1024, inspected.HostConfig!.Memory);
            Assert.Equal(500_000_000L, inspected.HostConfig.NanoCpus);
            Assert.Contains(inspected.Mounts!, mount => mount.Type == "tmpfs" && mount.Destination == "/cache");

            // Empty values clear: the environment, the user and directory, the constraints, the limits, the mounts.
            await SetAsync(name, new ServiceTaskOptions
            {
                Environment = new Hashtable(),
                User = string.Empty,
                WorkingDirectory = string.Empty,
                Constraint = Array.Empty<string>(),
                Limit = new Hashtable(),
                Mount = Array.Empty<object>(),
            });
            service = await Swarm.Client.Services.InspectAsync(name);
            container = service.Spec.TaskTemplate.ContainerSpec;
            Assert.Null(container.Env);
            Assert.Null(container.User);
            Assert.Null(container.Dir);
            Assert.Null(container.Mounts);
            Assert.Null(service.Spec.TaskTemplate.Placement?.Constraints);
            Assert.Null(service.Spec.TaskTemplate.Resources?.Limits);
            Assert.Equal(8L * 1024 * 1024, service.Spec.TaskTemplate.Resources?.Reservations?.MemoryBytes);
            inspected = await Swarm.Client.Containers.InspectAsync(Assert.Single(await TasksAsync(name, "running")).ContainerId!);
            Assert.DoesNotContain(inspected.Config!.Env!, entry => entry.StartsWith("GREETING=", StringComparison.Ordinal));
            Assert.Equal(string.Empty, inspected.Config.User);
        }

        [Fact]
        public async Task Command_ports_secrets_and_networks_change_and_an_empty_port_list_unpublishes()
        {
            string name = NewName("cmd");
            string secret = name + "-secret";
            string network = name + "-net";
            await Swarm.Client.Secrets.CreateAsync(new SwarmDataSpec { Name = secret, Data = Encoding.UTF8.GetBytes("set-secret") });
            await Swarm.Client.Networks.CreateAsync(new NetworkCreateRequest { Name = network, Driver = "overlay", Attachable = true });
            try
            {
                await CreateAsync(Sleeper(name, 1));
                await SetAsync(name, new ServiceTaskOptions
                {
                    Command = new[] { "sh", "-c", $"echo from-set; cat /run/secrets/{secret}; echo; exec sleep 3600" },
                    Port = new[] { "18093:80" },
                    Secret = new[] { secret },
                    Network = new object[] { network },
                });

                Service service = await Swarm.Client.Services.InspectAsync(name);
                Assert.Equal(18093U, Assert.Single(service.Spec.EndpointSpec!.Ports!).PublishedPort);
                Assert.Equal((await Swarm.Client.Secrets.InspectAsync(secret)).ID, Assert.Single(service.Spec.TaskTemplate.ContainerSpec.Secrets!).SecretID);
                Assert.Equal((await Swarm.Client.Networks.InspectAsync(network)).Id, Assert.Single(service.Spec.TaskTemplate.Networks!).Target);
                ContainerServiceTask task = Assert.Single(await TasksAsync(name, "running"));
                ContainerInspect inspected = await Swarm.Client.Containers.InspectAsync(task.ContainerId!);
                Assert.Contains(network, inspected.NetworkSettings!.Networks!.Keys);

                IReadOnlyList<string> lines = Array.Empty<string>();
                await EventuallyAsync(async () =>
                {
                    var output = new RecordingOutput();
                    await new GetContainerServiceLogCommand().ExecuteAsync(Engine, new[] { name }, output, default);
                    lines = output.ObjectsOf<ContainerLogLine>().Where(l => l.TaskId == task.Id).Select(l => l.Text).ToList();
                    return lines.Count >= 2;
                }, "the new task has written its lines");
                Assert.Equal(new[] { "from-set", "set-secret" }, lines);

                await SetAsync(name, new ServiceTaskOptions { Port = Array.Empty<string>(), Secret = Array.Empty<string>(), Network = Array.Empty<object>() });
                service = await Swarm.Client.Services.InspectAsync(name);
                Assert.Null(service.Spec.EndpointSpec?.Ports);
                Assert.Null(service.Spec.TaskTemplate.ContainerSpec.Secrets);
                Assert.Null(service.Spec.TaskTemplate.Networks);
                Assert.Equal("sh", service.Spec.TaskTemplate.ContainerSpec.Args?[0]);
            }
            finally
            {
                await Swarm.Client.Services.RemoveAsync(name);
                await EventuallyAsync(async () => await TryAsync(() => Swarm.Client.Secrets.RemoveAsync(secret)) && await TryAsync(() => Swarm.Client.Networks.RemoveAsync(network)), "the secret and network are free to remove");
            }
        }

        [Fact]
        public async Task Tasks_that_can_never_run_end_the_wait_at_its_timeout_with_an_error_and_the_service_stays()
        {
            string name = NewName("never");
            ServiceOptions options = Sleeper(name, 2);
            options.Constraint = new[] { "node.labels.containers-test-never==true" };
            NewContainerServiceCommand create = NewContainerServiceCommand.FromOptions(options);
            create.Image = new ServiceImage { Resolution = ServiceImageResolution.Never };
            create.Timeout = TimeSpan.FromSeconds(3);
            var output = new RecordingOutput();
            DateTime began = DateTime.UtcNow;
            await create.ExecuteAsync(Engine, output, default);
            Assert.InRange(DateTime.UtcNow - began, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ServiceConvergenceTimeout", error.ErrorId);
            Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
            Assert.Contains($"'{name}'", error.Message);
            Assert.Contains("0 of 2 running", error.Message);
            Assert.Contains("3 seconds", error.Message);
            Assert.Equal(name, Assert.Single(output.ObjectsOf<ContainerService>()).Name);
            Assert.Equal(name, (await Swarm.Client.Services.InspectAsync(name)).Spec.Name);

            // Set's wait too: a service that runs, moved to where no node is.
            string moved = NewName("moved");
            await CreateAsync(Sleeper(moved, 1));
            var set = new RecordingOutput();
            await new SetContainerServiceCommand
            {
                TaskSettings = new ServiceTaskOptions { Constraint = new[] { "node.labels.containers-test-never==true" } },
                Timeout = TimeSpan.FromSeconds(2),
            }.ExecuteAsync(Engine, new[] { moved }, set, default);
            CommandError setError = Assert.Single(set.Errors);
            Assert.Equal("ServiceConvergenceTimeout", setError.ErrorId);
            Assert.Contains("0 of 1 running", setError.Message);
            Assert.Equal(new[] { "node.labels.containers-test-never==true" }, (await Swarm.Client.Services.InspectAsync(moved)).Spec.TaskTemplate.Placement?.Constraints);
        }

        [Fact]
        public async Task Bad_task_settings_and_settings_with_Rollback_are_refused_before_the_service_is_read()
        {
            var badLimit = new SetContainerServiceCommand { TaskSettings = new ServiceTaskOptions { Limit = new Hashtable { ["Disk"] = 1 } } };
            Assert.Equal("Limit", Assert.Throws<InvalidParameterException>(() => badLimit.Validate()).ParamName);
            var loneMode = new SetContainerServiceCommand { TaskSettings = new ServiceTaskOptions { PublishMode = "host" } };
            Assert.Equal("PublishMode", Assert.Throws<InvalidParameterException>(() => loneMode.Validate()).ParamName);
            var withRollback = new SetContainerServiceCommand { Rollback = true, TaskSettings = new ServiceTaskOptions { User = "x" } };
            Assert.Equal("Rollback", Assert.Throws<InvalidParameterException>(() => withRollback.Validate()).ParamName);
            // Nothing given is no change (the cmdlet always passes the options).
            new SetContainerServiceCommand { Rollback = true, TaskSettings = new ServiceTaskOptions() }.Validate();
        }

        private async Task<ContainerService> SetAsync(string name, ServiceTaskOptions settings)
        {
            var output = new RecordingOutput();
            await new SetContainerServiceCommand { TaskSettings = settings, PassThru = true }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Errors);
            return Assert.Single(output.ObjectsOf<ContainerService>());
        }

        private static async Task<bool> TryAsync(Func<Task> act)
        {
            try
            {
                await act();
                return true;
            }
            catch (EngineException)
            {
                return false;
            }
        }
    }
}
