using Containers.Commands.Swarm;
using Containers.Engine.Models;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Swarm
{
    /// <summary>
    /// The swarm and node commands on the shared single-node swarm: reading the swarm (tokens only when asked) and its
    /// node, labels changed and removed, a stale version refused, and the refusals that leave the swarm as it was. Nothing
    /// here drains, pauses or demotes the shared node (other tests run services on it); labels are the test's own and removed.
    /// </summary>
    [RequiresEngine]
    public sealed class SwarmNodeCommandTests
    {
        private static async Task<(SwarmEngine Swarm, ContainerEngine Engine)> SwarmAsync()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            return (swarm, EngineDirectory.Get(swarm.Endpoint, null, null, "swarm", "parameter"));
        }

        private static string NewLabelKey() => "cte.label." + Guid.NewGuid().ToString("N").Substring(0, 8);

        [Fact]
        public async Task The_swarm_reads_with_its_node_and_without_join_tokens_unless_asked()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            var output = new RecordingOutput();
            await new GetContainerSwarmCommand().ExecuteAsync(engine, output, default);
            await new GetContainerSwarmCommand { IncludeJoinToken = true }.ExecuteAsync(engine, output, default);
            Assert.Empty(output.Errors);
            ContainerSwarm[] read = output.ObjectsOf<ContainerSwarm>().ToArray();
            Assert.Equal(2, read.Length);

            SwarmCluster cluster = await swarm.Client.Swarm.InspectAsync();
            string nodeId = (await swarm.Client.System.InfoAsync()).Swarm!.NodeID!;
            Assert.All(read, s => Assert.Equal(cluster.ID, s.Id));
            Assert.All(read, s => Assert.Equal(nodeId, s.NodeId));
            Assert.All(read, s => Assert.Equal((1, 1), (s.Managers, s.Nodes)));
            Assert.All(read, s => Assert.Same(engine, s.Engine));
            Assert.Empty(read[0].DefaultAddressPool); // dockerd 20.10 reports the pools only when init was given some
            Assert.Null(read[0].WorkerJoinToken);
            Assert.Null(read[0].ManagerJoinToken);
            Assert.Equal(cluster.JoinTokens!.Worker, read[1].WorkerJoinToken);
            Assert.Equal(cluster.JoinTokens.Manager, read[1].ManagerJoinToken);
            Assert.True(read[1].CreatedAt > DateTime.Now.AddDays(-1) && read[1].CreatedAt <= DateTime.Now.AddMinutes(1));
        }

        [Fact]
        public async Task The_node_is_found_by_host_name_id_prefix_and_wildcard_and_a_missing_name_is_SwarmNodeNotFound()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            string id = (await swarm.Client.System.InfoAsync()).Swarm!.NodeID!;
            var output = new RecordingOutput();
            await new GetContainerSwarmNodeCommand().ExecuteAsync(engine, output, default);
            ContainerSwarmNode node = Assert.Single(output.ObjectsOf<ContainerSwarmNode>());
            Assert.Equal((id, swarm.NodeName, "Manager", "Ready", "Active", "Leader"), (node.Id, node.HostName, node.Role, node.State, node.Availability, node.ManagerStatus));
            Assert.True(node.IsLeader);
            Assert.True(node.IsSelf);
            Assert.Equal("127.0.0.1:2377", node.ManagerAddress);
            Assert.StartsWith("20.10", node.EngineVersion);
            Assert.True(node.Version > 0);

            var named = new RecordingOutput();
            await new GetContainerSwarmNodeCommand { Name = new[] { swarm.NodeName, id.Substring(0, 6), "cte-sw*", "nomatch-*", "cte-no-such-node" } }.ExecuteAsync(engine, named, default);
            Assert.Equal(new[] { id }, named.ObjectsOf<ContainerSwarmNode>().Select(n => n.Id));
            CommandError missing = Assert.Single(named.Errors);
            Assert.Equal(("SwarmNodeNotFound", ErrorKind.ObjectNotFound, "cte-no-such-node"), (missing.ErrorId, missing.Kind, missing.Target));

            var workers = new RecordingOutput();
            await new GetContainerSwarmNodeCommand { Role = "Worker" }.ExecuteAsync(engine, workers, default);
            Assert.Empty(workers.Objects);
            Assert.Empty(workers.Errors);
        }

        [Fact]
        public async Task Labels_are_added_and_removed_and_the_engine_shows_them()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            string key = NewLabelKey();
            var output = new RecordingOutput();
            var set = new SetContainerSwarmNodeCommand { Label = new Dictionary<string, string> { [key] = "a" }, PassThru = true };
            set.Validate();
            await set.ExecuteAsync(engine, new[] { swarm.NodeName }, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(($"swarm node '{swarm.NodeName}' on swarm", $"Set labels {key}=a"), Assert.Single(output.Asked));
            Assert.Equal("a", Assert.Single(output.ObjectsOf<ContainerSwarmNode>()).Labels[key]);
            Assert.Equal("a", (await swarm.Client.Nodes.InspectAsync(swarm.NodeName)).Spec!.Labels![key]);

            var removal = new SetContainerSwarmNodeCommand { RemoveLabel = new[] { key, "cte.never.there" } };
            removal.Validate();
            await removal.ExecuteAsync(engine, new[] { "cte-sw*" }, new RecordingOutput(), default);
            Assert.False((await swarm.Client.Nodes.InspectAsync(swarm.NodeName)).Spec!.Labels?.ContainsKey(key) ?? false);
            Assert.Equal("Manager", ContainerSwarmNode.Title((await swarm.Client.Nodes.InspectAsync(swarm.NodeName)).Spec!.Role));
        }

        [Fact]
        public async Task An_update_from_a_node_read_before_someone_else_changed_it_is_SwarmUpdateConflict_and_changes_nothing()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            string key = NewLabelKey();
            SwarmNode before = await swarm.Client.Nodes.InspectAsync(swarm.NodeName);
            var first = new SetContainerSwarmNodeCommand { Label = new Dictionary<string, string> { [key] = "first" }, ReadVersions = new Dictionary<string, ulong> { [before.ID] = before.Version!.Index } };
            await first.ExecuteAsync(engine, new[] { before.ID }, new RecordingOutput(), default);
            try
            {
                var output = new RecordingOutput();
                var second = new SetContainerSwarmNodeCommand { Label = new Dictionary<string, string> { [key] = "second" }, ReadVersions = new Dictionary<string, ulong> { [before.ID] = before.Version.Index } };
                await second.ExecuteAsync(engine, new[] { before.ID }, output, default);
                CommandError conflict = Assert.Single(output.Errors);
                Assert.Equal(("SwarmUpdateConflict", ErrorKind.InvalidOperation, before.ID), (conflict.ErrorId, conflict.Kind, conflict.Target));
                Assert.Contains("Someone else changed it", conflict.Message);
                Assert.Contains("Read it again", conflict.RecommendedAction);
                Assert.Equal("first", (await swarm.Client.Nodes.InspectAsync(before.ID)).Spec!.Labels![key]);
            }
            finally
            {
                var cleanup = new SetContainerSwarmNodeCommand { RemoveLabel = new[] { key } };
                await cleanup.ExecuteAsync(engine, new[] { before.ID }, new RecordingOutput(), default);
            }
        }

        [Fact]
        public async Task Nothing_to_change_or_a_label_both_set_and_removed_is_refused_before_any_node_is_asked()
        {
            var nothing = Assert.Throws<InvalidParameterException>(() => new SetContainerSwarmNodeCommand().Validate());
            Assert.Equal("Change", nothing.ParamName);
            var both = Assert.Throws<InvalidParameterException>(() => new SetContainerSwarmNodeCommand { Label = new Dictionary<string, string> { ["a"] = "1" }, RemoveLabel = new[] { "a" } }.Validate());
            Assert.Equal("RemoveLabel", both.ParamName);
            Assert.Equal("InvalidRemoveLabel", ErrorClassifier.Classify(both, null).ErrorId);
            await Task.CompletedTask;
        }

        [Fact]
        public async Task Removing_the_node_asked_through_is_SwarmNodeIsSelf_and_a_missing_node_SwarmNodeNotFound()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            foreach (bool force in new[] { false, true })
            {
                var output = new RecordingOutput();
                await new RemoveContainerSwarmNodeCommand { Force = force }.ExecuteAsync(engine, new[] { swarm.NodeName, "cte-no-such-node" }, output, default);
                Assert.Equal(new[] { ("SwarmNodeIsSelf", ErrorKind.InvalidOperation), ("SwarmNodeNotFound", ErrorKind.ObjectNotFound) }, output.Errors.Select(e => (e.ErrorId, e.Kind)));
                Assert.Contains("Exit-ContainerSwarm", output.Errors[0].RecommendedAction);
                Assert.Equal(force ? "Remove from the swarm (force)" : "Remove from the swarm", output.Asked[0].Action);
            }

            Assert.Single(await swarm.Client.Nodes.ListAsync());
        }
    }
}
