using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>
    /// The swarm and node endpoints against dockerd 20.10: reading on the shared single-node swarm, and an engine's whole
    /// membership (refusals outside a swarm, a bad join token, init, init again, leave) on an isolated engine of the test's own.
    /// </summary>
    [RequiresEngine]
    public sealed class SwarmEndpointTests
    {
        [Fact]
        public async Task The_shared_swarm_reads_with_its_tokens_and_its_one_node_is_the_ready_leader()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            SwarmCluster cluster = await swarm.Client.Swarm.InspectAsync();
            Assert.Matches("^[a-z0-9]{25}$", cluster.ID);
            Assert.True(cluster.Version!.Index > 0);
            Assert.StartsWith("SWMTKN-1-", cluster.JoinTokens!.Worker);
            Assert.StartsWith("SWMTKN-1-", cluster.JoinTokens!.Manager);
            Assert.NotEqual(cluster.JoinTokens.Worker, cluster.JoinTokens.Manager);

            SwarmNode node = Assert.Single(await swarm.Client.Nodes.ListAsync());
            Assert.Equal(swarm.NodeName, node.Description!.Hostname);
            Assert.Equal("ready", node.Status!.State);
            Assert.Equal("manager", node.Spec!.Role);
            Assert.True(node.ManagerStatus!.Leader);
            Assert.Equal("reachable", node.ManagerStatus.Reachability);
            Assert.Equal(node.ID, (await swarm.Client.Nodes.InspectAsync(swarm.NodeName)).ID);
            Assert.Equal(node.ID, (await swarm.Client.System.InfoAsync()).Swarm!.NodeID);
        }

        [Fact]
        public async Task A_missing_node_is_a_404_and_an_update_with_a_stale_version_is_refused_and_changes_nothing()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            var missing = await Assert.ThrowsAsync<EngineNotFoundException>(() => swarm.Client.Nodes.InspectAsync("cte-no-such-node"));
            Assert.Contains("not found", missing.Message);

            SwarmNode node = await swarm.Client.Nodes.InspectAsync(swarm.NodeName);
            string key = "cte.stale." + Guid.NewGuid().ToString("N").Substring(0, 8);
            SwarmNodeSpec first = node.Spec!;
            first.Labels = new Dictionary<string, string>(first.Labels ?? new Dictionary<string, string>()) { [key] = "first" };
            await swarm.Client.Nodes.UpdateAsync(node.ID, node.Version!.Index, first);
            try
            {
                first.Labels[key] = "second";
                // The version the first update was sent with is stale now: the manager says so (a gRPC Unknown, so a 500).
                EngineServerException stale = await Assert.ThrowsAsync<EngineServerException>(() => swarm.Client.Nodes.UpdateAsync(node.ID, node.Version!.Index, first));
                Assert.Contains("update out of sequence", stale.Message);
            }
            finally
            {
                SwarmNode now = await swarm.Client.Nodes.InspectAsync(node.ID);
                Assert.Equal("first", now.Spec!.Labels![key]);
                now.Spec.Labels.Remove(key);
                await swarm.Client.Nodes.UpdateAsync(now.ID, now.Version!.Index, now.Spec);
            }
        }

        [Fact]
        public async Task An_engine_joins_the_swarm_it_inits_leaves_it_and_says_why_it_refuses()
        {
            SwarmEngine own = await SwarmEngine.StartAsync("cte-swep", initialize: false);
            var said = new List<string>();
            try
            {
                // Each call's outcome as the client raised it: type, status and the engine's words.
                async Task Record(Func<Task> call)
                {
                    try
                    {
                        await call();
                        said.Add("ok");
                    }
                    catch (EngineException e)
                    {
                        said.Add(e.GetType().Name + " " + (int?)e.StatusCode + " " + e.Message);
                    }
                }

                await Record(() => own.Client.Swarm.InspectAsync());
                await Record(() => own.Client.Nodes.ListAsync());
                await Record(() => own.Client.Swarm.LeaveAsync(false));
                await Record(() => own.Client.Swarm.JoinAsync(new SwarmJoinRequest { RemoteAddrs = { "127.0.0.1:2377" }, JoinToken = "SWMTKN-1-bad", ListenAddr = "127.0.0.1:2377" }));
                await Record(() => own.Client.Swarm.InitAsync(new SwarmInitRequest { ListenAddr = "127.0.0.1:2377", AdvertiseAddr = "127.0.0.1" }));
                await Record(() => own.Client.Swarm.InitAsync(new SwarmInitRequest { ListenAddr = "127.0.0.1:2377", AdvertiseAddr = "127.0.0.1" }));
                await Record(() => own.Client.Swarm.JoinAsync(new SwarmJoinRequest { RemoteAddrs = { "127.0.0.1:2377" }, JoinToken = "SWMTKN-1-bad", ListenAddr = "127.0.0.1:2377" }));
                SwarmNode self = Assert.Single(await own.Client.Nodes.ListAsync());
                await Record(() => own.Client.Nodes.RemoveAsync(self.ID, false));
                await Record(() => own.Client.Nodes.RemoveAsync(self.ID, true));
                await Record(() => own.Client.Swarm.LeaveAsync(false));
                await Record(() => own.Client.Swarm.LeaveAsync(true));
                await Record(() => own.Client.Swarm.InspectAsync());
                string[] expected =
                {
                    "EngineServerException 503 This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.",
                    "EngineServerException 503 This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.",
                    "EngineServerException 503 This node is not part of a swarm",
                    "EngineServerException 500 invalid join token",
                    "ok",
                    "EngineServerException 503 This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.",
                    "EngineServerException 503 This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.",
                    $"EngineBadRequestException 400 rpc error: code = FailedPrecondition desc = node {self.ID} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal",
                    $"EngineBadRequestException 400 rpc error: code = FailedPrecondition desc = node {self.ID} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal",
                    "EngineServerException 503 You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.",
                    "ok",
                    "EngineServerException 503 This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.",
                };
                Assert.Equal(expected, said.Select(line => line.TrimEnd()));
                Assert.Equal("inactive", (await own.Client.System.InfoAsync()).Swarm!.LocalNodeState);
            }
            finally
            {
                own.Client.Dispose();
                own.Dockerd.Dispose();
            }
        }
    }
}
