using System.Collections;
using System.Text;
using Containers.Commands.Services;
using Containers.Commands.Stacks;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Core.Commands.Services;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Stacks
{
    /// <summary>
    /// Get- and Remove-ContainerStack, and -Stack on the service commands, on the shared single-node swarm: stacks made
    /// by docker stack deploy (so each side sees the other's) and by the module's own commands with the namespace label.
    /// Every test removes what its stack left, by label, even after a failure.
    /// </summary>
    public sealed class GetRemoveStackCommandTests : ServiceCommandTest
    {
        [Fact]
        public async Task A_stack_docker_deployed_is_listed_filtered_and_removed_with_its_networks_secrets_and_configs_while_its_tasks_stop()
        {
            string stack = NewName("dk");
            string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), stack)).FullName;
            try
            {
                DeployWithDocker(stack, folder, stopGracePeriod: "5s");
                await EventuallyAsync(async () => (await Swarm.Client.Tasks.ListAsync(StackReading.Of(stack))).Count(t => t.Status?.State == "running") == 3, "the stack's three tasks run");

                // docker stack ls: the stack with its services, by name and by wildcard; a wildcard matching none is no error.
                var listed = new RecordingOutput();
                await new GetContainerStackCommand { Name = new[] { stack, stack.Substring(0, stack.Length - 3) + "*", stack + "-none*" } }.ExecuteAsync(Engine, listed, default);
                Assert.Empty(listed.Errors);
                ContainerStack read = Assert.Single(listed.ObjectsOf<ContainerStack>());
                Assert.Equal(stack, read.Name);
                Assert.Equal("Swarm", read.Orchestrator);
                Assert.Equal(new[] { stack + "_web", stack + "_worker" }, read.Services.Select(s => s.Name));
                Assert.Equal(new ulong[] { 2, 1 }, read.Services.Select(s => s.Replicas ?? 0));
                Assert.Same(Engine, read.Engine);
                var all = new RecordingOutput();
                await new GetContainerStackCommand().ExecuteAsync(Engine, all, default);
                Assert.Contains(all.ObjectsOf<ContainerStack>(), s => s.Name == stack);

                // docker stack services / ps: -Stack keeps the stack's own.
                string other = NewName("other");
                await CreateAsync(Sleeper(other, 1));
                var services = new RecordingOutput();
                await new GetContainerServiceCommand { Stack = stack }.ExecuteAsync(Engine, services, default);
                Assert.Empty(services.Errors);
                Assert.Equal(new[] { stack + "_web", stack + "_worker" }, services.ObjectsOf<ContainerService>().Select(s => s.Name));
                var tasks = new RecordingOutput();
                await new GetContainerServiceTaskCommand { DesiredState = "running" }.ExecuteOnStackAsync(Engine, stack, tasks, default);
                Assert.Empty(tasks.Errors);
                Assert.Equal(new[] { stack + "_web.1", stack + "_web.2", stack + "_worker.1" }, tasks.ObjectsOf<ContainerServiceTask>().Select(t => t.Name));

                // docker stack rm: services, then the secret, the config and the network, which the tasks hold for the
                // 5 seconds they take to stop (they ignore SIGTERM): the removal waits for it.
                Assert.Single(await StackReading.NetworksAsync(Engine, stack, default));
                Assert.Single(await StackReading.SecretsAsync(Engine, stack, default));
                Assert.Single(await StackReading.ConfigsAsync(Engine, stack, default));
                var removed = new RecordingOutput();
                await new RemoveContainerStackCommand { PassThru = true }.ExecuteAsync(Engine, new[] { stack }, removed, default);
                Assert.Empty(removed.Errors);
                Assert.Equal(("stack '" + stack + "' on swarm", "Remove (services, networks, secrets and configs)"), Assert.Single(removed.Asked));
                Assert.Equal(new[] { stack + "_web", stack + "_worker" }, Assert.Single(removed.ObjectsOf<ContainerStack>()).Services.Select(s => s.Name));
                Assert.Contains(removed.Verbose, line => line.StartsWith($"The network '{stack}_default' is still in use", StringComparison.Ordinal));
                Assert.Contains(removed.Progress, p => p.Activity == $"Removing stack '{stack}'" && p.Status.Contains($"network '{stack}_default'", StringComparison.Ordinal) && p.SecondsRemaining > 0);
                Assert.True(removed.Progress.Last().Completed);
                Assert.Empty(await StackReading.ServicesAsync(Engine, stack, default));
                Assert.Empty(await StackReading.NetworksAsync(Engine, stack, default));
                Assert.Empty(await StackReading.SecretsAsync(Engine, stack, default));
                Assert.Empty(await StackReading.ConfigsAsync(Engine, stack, default));
                Assert.DoesNotContain(stack, Docker("stack", "ls", "--format", "{{.Name}}").Split('\n').Select(line => line.Trim()));
                Assert.Equal(other, Assert.Single((await Swarm.Client.Services.ListAsync(new Filters().Add("name", other))).Select(s => s.Spec.Name)));
            }
            finally
            {
                await RemoveLeftoversAsync(stack);
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public async Task A_stack_made_with_the_module_docker_lists_and_WhatIf_removes_nothing()
        {
            string stack = NewName("own");
            try
            {
                await MakeStackAsync(stack);

                string ls = Docker("stack", "ls", "--format", "{{.Name}} {{.Services}}");
                Assert.Contains(stack + " 2", ls.Split('\n').Select(line => line.Trim()));
                Assert.Equal(new[] { stack + "_a", stack + "_b" }, Docker("stack", "services", stack, "--format", "{{.Name}}").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).OrderBy(n => n, StringComparer.Ordinal));

                var declined = new RecordingOutput { Approve = false };
                await new RemoveContainerStackCommand().ExecuteAsync(Engine, new[] { stack.Substring(0, stack.Length - 2) + "*" }, declined, default);
                Assert.Equal(("stack '" + stack + "' on swarm", "Remove (services, networks, secrets and configs)"), Assert.Single(declined.Asked));
                Assert.Empty(declined.Errors);
                Assert.Equal(2, (await StackReading.ServicesAsync(Engine, stack, default)).Count);
                Assert.Single(await StackReading.NetworksAsync(Engine, stack, default));
                Assert.Single(await StackReading.SecretsAsync(Engine, stack, default));

                var removed = new RecordingOutput();
                await new RemoveContainerStackCommand().ExecuteAsync(Engine, new[] { stack }, removed, default);
                Assert.Empty(removed.Errors);
                Assert.Empty(removed.Objects);
                Assert.Empty(await StackReading.ServicesAsync(Engine, stack, default));
                Assert.Empty(await StackReading.NetworksAsync(Engine, stack, default));
                Assert.Empty(await StackReading.SecretsAsync(Engine, stack, default));
                Assert.DoesNotContain(stack, Docker("stack", "ls", "--format", "{{.Name}}").Split('\n').Select(line => line.Trim()));
            }
            finally
            {
                await RemoveLeftoversAsync(stack);
            }
        }

        [Fact]
        public async Task A_stack_whose_network_is_held_past_the_timeout_is_StackRemovalTimeout_and_a_second_removal_finishes_it()
        {
            string stack = NewName("slow");
            string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), stack)).FullName;
            try
            {
                DeployWithDocker(stack, folder, stopGracePeriod: "20s");
                await EventuallyAsync(async () => (await Swarm.Client.Tasks.ListAsync(StackReading.Of(stack))).Count(t => t.Status?.State == "running") == 3, "the stack's three tasks run");

                var hurried = new RecordingOutput();
                await new RemoveContainerStackCommand { Timeout = 1, PassThru = true }.ExecuteAsync(Engine, new[] { stack, stack + "-none" }, hurried, default);
                Assert.Equal(2, hurried.Errors.Count);
                CommandError timedOut = hurried.Errors[0];
                Assert.Equal("StackRemovalTimeout", timedOut.ErrorId);
                Assert.Equal(ErrorKind.OperationTimeout, timedOut.Kind);
                Assert.Equal(stack, timedOut.Target);
                Assert.Contains($"network '{stack}_default'", timedOut.Message, StringComparison.Ordinal);
                Assert.Empty(hurried.Objects);
                Assert.Empty(await StackReading.ServicesAsync(Engine, stack, default));
                Assert.Single(await StackReading.NetworksAsync(Engine, stack, default));
                // The next target still went on: a stack with nothing is StackNotFound.
                Assert.Equal("StackNotFound", hurried.Errors[1].ErrorId);

                // No services left, so Get-ContainerStack no longer lists it, but a removal still finds its network.
                var listed = new RecordingOutput();
                await new GetContainerStackCommand { Name = new[] { stack } }.ExecuteAsync(Engine, listed, default);
                Assert.Equal("StackNotFound", Assert.Single(listed.Errors).ErrorId);
                var finished = new RecordingOutput();
                await new RemoveContainerStackCommand().ExecuteAsync(Engine, new[] { stack }, finished, default);
                Assert.Empty(finished.Errors);
                Assert.Empty(await StackReading.NetworksAsync(Engine, stack, default));
            }
            finally
            {
                await RemoveLeftoversAsync(stack);
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public async Task A_stack_name_that_matches_nothing_is_StackNotFound_everywhere_and_a_wildcard_is_no_error()
        {
            string stack = NewName("none");

            var get = new RecordingOutput();
            await new GetContainerStackCommand { Name = new[] { stack, stack + "*" } }.ExecuteAsync(Engine, get, default);
            var remove = new RecordingOutput();
            await new RemoveContainerStackCommand().ExecuteAsync(Engine, new[] { stack, stack + "*" }, remove, default);
            var services = new RecordingOutput();
            await new GetContainerServiceCommand { Stack = stack }.ExecuteAsync(Engine, services, default);
            var tasks = new RecordingOutput();
            await new GetContainerServiceTaskCommand().ExecuteOnStackAsync(Engine, stack, tasks, default);

            foreach (RecordingOutput output in new[] { get, remove, services, tasks })
            {
                Assert.Empty(output.Objects);
                CommandError error = Assert.Single(output.Errors);
                Assert.Equal("StackNotFound", error.ErrorId);
                Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
                Assert.Equal(stack, error.Target);
                Assert.Contains($"'{stack}'", error.Message, StringComparison.Ordinal);
                Assert.Equal("List the stacks with Get-ContainerStack.", error.RecommendedAction);
            }

            // A stack's service named with -Stack of another stack is the service's own not-found.
            var named = new RecordingOutput();
            await new GetContainerServiceCommand { Stack = stack, Name = new[] { stack + "_web" } }.ExecuteAsync(Engine, named, default);
            Assert.Equal("ServiceNotFound", Assert.Single(named.Errors).ErrorId);
        }

        [Fact]
        public async Task An_engine_outside_a_swarm_is_NotInSwarm()
        {
            PrivateEngine plain = await PrivateEngine.GetAsync();
            EngineException refused = await Assert.ThrowsAnyAsync<EngineException>(
                () => new GetContainerStackCommand().ExecuteAsync(plain.Engine, new RecordingOutput(), default));
            CommandError error = StackErrors.Classify(refused, null);
            Assert.Equal("NotInSwarm", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);

            // Per target on removal, as every engine refusal about a target is.
            var output = new RecordingOutput();
            await new RemoveContainerStackCommand().ExecuteAsync(plain.Engine, new[] { "web" }, output, default);
            Assert.Equal("NotInSwarm", Assert.Single(output.Errors).ErrorId);
        }

        // Two services, an overlay network and a secret, all with the namespace label, made with the module's commands.
        private async Task MakeStackAsync(string stack)
        {
            var labels = new Dictionary<string, string> { [ContainerStackLabels.Namespace] = stack };
            await Swarm.Client.Networks.CreateAsync(new NetworkCreateRequest { Name = ContainerStackLabels.DefaultNetwork(stack), Driver = "overlay", Labels = labels });
            await Swarm.Client.Secrets.CreateAsync(new SwarmDataSpec { Name = ContainerStackLabels.ObjectName(stack, "pw"), Data = Encoding.UTF8.GetBytes("pw"), Labels = labels });
            foreach (string service in new[] { "a", "b" })
            {
                ServiceOptions options = Sleeper(ContainerStackLabels.ObjectName(stack, service), 1);
                options.Label = new Hashtable { [ContainerStackLabels.Namespace] = stack };
                options.Network = new object[] { ContainerStackLabels.DefaultNetwork(stack) };
                options.Secret = new[] { ContainerStackLabels.ObjectName(stack, "pw") };
                await CreateAsync(options);
            }
        }

        // Two services (web of two replicas, worker of one) that ignore SIGTERM, with a secret and a config, through docker
        // stack deploy (the image not resolved at a registry: it is on the node).
        private void DeployWithDocker(string stack, string folder, string stopGracePeriod)
        {
            File.WriteAllText(Path.Combine(folder, "pw.txt"), "pw");
            File.WriteAllText(Path.Combine(folder, "app.conf"), "conf");
            string service(string replicas) => $@"
    image: {Swarm.Image}
    command: [""sh"", ""-c"", ""trap '' TERM; sleep 3600 & wait""]
    stop_grace_period: {stopGracePeriod}
    deploy:
      replicas: {replicas}
    secrets: [pw]
    configs: [conf]";
            string file = Path.Combine(folder, "stack.yml");
            File.WriteAllText(file, $@"version: ""3.8""
services:
  web:{service("2")}
  worker:{service("1")}
secrets:
  pw:
    file: ./pw.txt
configs:
  conf:
    file: ./app.conf
");
            Docker("stack", "deploy", "--resolve-image", "never", "--detach=true", "-c", file, stack);
        }

        private string Docker(params string[] arguments) =>
            DockerCli.Run(Swarm.Endpoint, Path.Combine(Swarm.Dockerd.Directory, "cli-config"), arguments);

        // Whatever of the stack a failed test left: its services, then (once their tasks let go) the rest.
        private async Task RemoveLeftoversAsync(string stack)
        {
            foreach (Service service in await StackReading.ServicesAsync(Engine, stack, default))
            {
                await IgnoreAsync(() => Swarm.Client.Services.RemoveAsync(service.ID));
            }

            await EventuallyAsync(async () =>
            {
                bool gone = true;
                foreach (SwarmSecret secret in await StackReading.SecretsAsync(Engine, stack, default))
                {
                    gone &= await IgnoreAsync(() => Swarm.Client.Secrets.RemoveAsync(secret.ID));
                }

                foreach (SwarmConfig config in await StackReading.ConfigsAsync(Engine, stack, default))
                {
                    gone &= await IgnoreAsync(() => Swarm.Client.Configs.RemoveAsync(config.ID));
                }

                foreach (NetworkResource network in await StackReading.NetworksAsync(Engine, stack, default))
                {
                    gone &= await IgnoreAsync(() => Swarm.Client.Networks.RemoveAsync(network.Id));
                }

                return gone;
            }, "the stack's networks, secrets and configs are removed");
        }

        private static async Task<bool> IgnoreAsync(Func<Task> remove)
        {
            try
            {
                await remove();
                return true;
            }
            catch (EngineNotFoundException)
            {
                return true;
            }
            catch (EngineException)
            {
                return false;
            }
        }
    }
}
