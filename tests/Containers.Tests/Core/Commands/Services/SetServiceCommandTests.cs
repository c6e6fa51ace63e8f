using Containers.Commands.Services;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Services
{
    public sealed class SetServiceCommandTests : ServiceCommandTest
    {
        [Fact]
        public async Task A_new_image_replaces_the_tasks_and_a_rollback_returns_to_the_old_one()
        {
            string name = NewName("roll");
            // The same image under a second name on the node: a rollout the swarm can see, with nothing to pull.
            string second = "localhost/containers-test/busybox:" + name;
            await Swarm.Client.Images.TagAsync(Swarm.Image, ImageReference.Parse(second));
            try
            {
                await CreateAsync(Sleeper(name, 2));
                IReadOnlyList<ContainerServiceTask> before = await TasksAsync(name, "running");

                var rollout = new RecordingOutput();
                await new SetContainerServiceCommand
                {
                    NewImage = second,
                    UpdateParallelism = 1,
                    UpdateDelay = TimeSpan.FromMilliseconds(100),
                    UpdateFailureAction = "Rollback",
                    Image = new ServiceImage { Resolution = ServiceImageResolution.Never },
                    PassThru = true,
                }.ExecuteAsync(Engine, new[] { name }, rollout, default);
                Assert.Empty(rollout.Errors);
                ContainerService updated = Assert.Single(rollout.ObjectsOf<ContainerService>());
                Assert.Equal(second, updated.Image);
                Assert.Equal("completed", updated.UpdateStatus?.State);
                IReadOnlyList<ContainerServiceTask> after = await TasksAsync(name, "running");
                Assert.Equal(2, after.Count(t => t.State == "running" && t.Image == second));
                Assert.Empty(after.Select(t => t.Id).Intersect(before.Select(t => t.Id)));
                Service spec = await Swarm.Client.Services.InspectAsync(name);
                Assert.Equal(1UL, spec.Spec.UpdateConfig?.Parallelism);
                Assert.Equal(100_000_000L, spec.Spec.UpdateConfig?.Delay);
                Assert.Equal("rollback", spec.Spec.UpdateConfig?.FailureAction);
                Assert.Equal(new[] { "sleep", "3600" }, spec.Spec.TaskTemplate.ContainerSpec.Args);

                var back = new RecordingOutput();
                await new SetContainerServiceCommand { Rollback = true, PassThru = true }.ExecuteAsync(Engine, new[] { name }, back, default);
                Assert.Empty(back.Errors);
                Assert.Equal(("service '" + name + "' on swarm", "Roll back"), Assert.Single(back.Asked));
                Assert.Equal(Swarm.Image, Assert.Single(back.ObjectsOf<ContainerService>()).Image);
                Assert.Equal(2, (await TasksAsync(name, "running")).Count(t => t.State == "running" && t.Image == Swarm.Image));
            }
            finally
            {
                await Swarm.Client.Services.RemoveAsync(name);
                await EventuallyAsync(async () => await TryRemoveImageAsync(second), "the second tag is removed");
            }
        }

        [Fact]
        public async Task An_update_sent_with_a_version_read_before_another_update_is_SwarmUpdateConflict()
        {
            string name = NewName("version");
            await CreateAsync(Sleeper(name, 1));
            Service read = await Swarm.Client.Services.InspectAsync(name);
            read.Spec.Labels = new Dictionary<string, string> { ["first"] = "1" };
            await Swarm.Client.Services.UpdateAsync(read.ID, read.Version!.Index, read.Spec);

            read.Spec.Labels = new Dictionary<string, string> { ["second"] = "2" };
            EngineException stale = await Assert.ThrowsAnyAsync<EngineException>(() => Swarm.Client.Services.UpdateAsync(read.ID, read.Version!.Index, read.Spec));
            CommandError error = ErrorClassifier.Classify(stale, name, ServiceTargets.Resource);
            Assert.Equal("SwarmUpdateConflict", error.ErrorId);
            Assert.Contains("changed it after it was read", error.Message);
            Assert.Equal("1", (await Swarm.Client.Services.InspectAsync(name)).Spec.Labels?["first"]);
        }

        [Fact]
        public async Task A_rollback_of_a_service_never_updated_and_replicas_for_a_global_service_are_refused()
        {
            string name = NewName("never");
            await CreateAsync(Sleeper(name, 1));
            var output = new RecordingOutput();
            await new SetContainerServiceCommand { Rollback = true }.ExecuteAsync(Engine, new[] { name }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("InvalidRollback", error.ErrorId);
            Assert.Contains("never updated", error.Message);

            string global = NewName("global");
            var options = Sleeper(global, 1);
            options.Replicas = null;
            options.Mode = ContainerServiceMode.Global;
            ContainerService made = await CreateAsync(options);
            Assert.Equal(ContainerServiceMode.Global, made.Mode);
            Assert.Equal(1UL, made.Running);
            var scale = new RecordingOutput();
            await new SetContainerServiceCommand { Replicas = 2 }.ExecuteAsync(Engine, new[] { global }, scale, default);
            Assert.Equal("InvalidReplicas", Assert.Single(scale.Errors).ErrorId);
        }

        [Fact]
        public async Task Set_with_WhatIf_changes_nothing()
        {
            string name = NewName("setwhatif");
            await CreateAsync(Sleeper(name, 1));
            var whatIf = new RecordingOutput { Approve = false };
            await new SetContainerServiceCommand { Replicas = 2 }.ExecuteAsync(Engine, new[] { name }, whatIf, default);
            Assert.Single(whatIf.Asked);
            Assert.Equal(1UL, (await Swarm.Client.Services.InspectAsync(name)).Spec.Mode?.Replicated?.Replicas);
        }

        private async Task<bool> TryRemoveImageAsync(string image)
        {
            try
            {
                await Swarm.Client.Images.RemoveAsync(image);
                return true;
            }
            catch (EngineConflictException)
            {
                return false; // a container of the removed service still uses it
            }
        }
    }
}
