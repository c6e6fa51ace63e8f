using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>The /services and /tasks endpoints against the single-node swarm.</summary>
    [RequiresEngine]
    public sealed class ServicesEndpointTests
    {
        [Fact]
        public async Task A_service_is_listed_with_its_counts_its_tasks_name_their_node_and_it_goes()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            string name = PrivateEngine.UniqueName("cts-endpoint");
            var spec = new ServiceSpec
            {
                Name = name,
                TaskTemplate = new TaskSpec { ContainerSpec = new ContainerSpec { Image = swarm.Image, Args = new List<string> { "sleep", "3600" } } },
                Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = 1 } },
            };
            ServiceCreateResponse created = await swarm.Client.Services.CreateAsync(spec);
            try
            {
                Service listed = Assert.Single(await swarm.Client.Services.ListAsync(new Filters().Add("name", name)));
                Assert.Equal(created.ID, listed.ID);
                Assert.NotNull(listed.ServiceStatus); // status=true on API 1.41
                Assert.Equal(1UL, listed.ServiceStatus!.DesiredTasks);
                Assert.True(listed.Version!.Index > 0);

                SwarmTask task = null!;
                DateTime deadline = DateTime.UtcNow.AddMinutes(2);
                while ((task = (await swarm.Client.Tasks.ListAsync(new Filters().Add("service", created.ID))).FirstOrDefault()!) == null || string.IsNullOrEmpty(task.NodeID))
                {
                    Assert.True(DateTime.UtcNow < deadline, "the task is assigned a node");
                    await Task.Delay(200);
                }

                Assert.Equal(created.ID, task.ServiceID);
                Assert.Equal(1, task.Slot);
                Assert.Equal(task.ID, (await swarm.Client.Tasks.InspectAsync(task.ID)).ID);
                Assert.Equal(swarm.NodeName, (await swarm.Client.Nodes.InspectAsync(task.NodeID!)).Description?.Hostname);
            }
            finally
            {
                await swarm.Client.Services.RemoveAsync(created.ID);
            }

            EngineNotFoundException gone = await Assert.ThrowsAsync<EngineNotFoundException>(() => swarm.Client.Services.InspectAsync(name));
            Assert.Equal(EngineResourceKind.Service, gone.ResourceKind);
            EngineNotFoundException noTask = await Assert.ThrowsAsync<EngineNotFoundException>(() => swarm.Client.Tasks.InspectAsync("nosuchtask0000000000000000"));
            Assert.Equal(EngineResourceKind.Task, noTask.ResourceKind);
        }

        [Fact]
        public async Task Resolving_an_image_whose_registry_does_not_answer_is_an_engine_error()
        {
            // The test image names a registry on the node's own loopback, where nothing listens: nothing leaves the node.
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            await Assert.ThrowsAnyAsync<EngineException>(() => swarm.Client.Services.ResolveImageAsync(swarm.Image, null));
        }
    }
}
