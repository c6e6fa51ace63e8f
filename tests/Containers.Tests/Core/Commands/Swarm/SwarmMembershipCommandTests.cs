using Containers.Commands.Swarm;
using Containers.Engine.Models;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Swarm
{
    /// <summary>
    /// An engine's whole life in and out of a swarm, on an isolated engine of the test's own (never the shared swarm):
    /// what it refuses outside a swarm, a bad join token, init, init and join again, its own node drained and made active,
    /// leave refused to a manager and forced, and a join to a manager nobody runs, which the engine gives up on.
    /// </summary>
    [RequiresEngine]
    public sealed class SwarmMembershipCommandTests
    {
        private static (string, ErrorKind) Single(RecordingOutput output)
        {
            CommandError error = Assert.Single(output.Errors);
            return (error.ErrorId, error.Kind);
        }

        [Fact]
        public async Task An_engine_is_initialized_drained_made_active_and_leaves_and_says_why_it_refuses()
        {
            SwarmEngine own = await SwarmEngine.StartAsync("cte-swcmd", initialize: false);
            try
            {
                ContainerEngine engine = EngineDirectory.Get(own.Endpoint, null, null, "own", "parameter");
                var join = new JoinContainerSwarmCommand { RemoteAddress = new[] { "127.0.0.1:2377" }, Token = "SWMTKN-1-bad", ListenAddress = "127.0.0.1:2377" };

                // Outside a swarm.
                var notIn = new RecordingOutput();
                await new GetContainerSwarmCommand().ExecuteAsync(engine, notIn, default);
                Assert.Equal(("NotInSwarm", ErrorKind.InvalidOperation), Single(notIn));
                Assert.Contains("Initialize-ContainerSwarm", notIn.Errors[0].RecommendedAction);
                Assert.Equal("own", notIn.Errors[0].Target);
                var nodesNotIn = new RecordingOutput();
                await new GetContainerSwarmNodeCommand().ExecuteAsync(engine, nodesNotIn, default);
                Assert.Equal(("NotInSwarm", ErrorKind.InvalidOperation), Single(nodesNotIn));
                var leaveNotIn = new RecordingOutput();
                await new ExitContainerSwarmCommand().ExecuteAsync(engine, leaveNotIn, default);
                Assert.Equal(("NotInSwarm", ErrorKind.InvalidOperation), Single(leaveNotIn));
                var badToken = new RecordingOutput();
                await join.ExecuteAsync(engine, badToken, default);
                Assert.Equal(("SwarmJoinTokenInvalid", ErrorKind.InvalidArgument), Single(badToken));
                Assert.Equal("inactive", (await own.Client.System.InfoAsync()).Swarm!.LocalNodeState);

                // -WhatIf initializes nothing.
                var whatIf = new RecordingOutput { Approve = false };
                var init = new InitializeContainerSwarmCommand { ListenAddress = "127.0.0.1:2377", AdvertiseAddress = "127.0.0.1", DefaultAddressPool = new[] { "10.77.0.0/16" }, SubnetSize = 26 };
                await init.ExecuteAsync(engine, whatIf, default);
                Assert.Equal(("engine own on own", "Initialize a swarm, listening on 127.0.0.1:2377"), Assert.Single(whatIf.Asked));
                Assert.Equal("inactive", (await own.Client.System.InfoAsync()).Swarm!.LocalNodeState);

                // Init: the swarm comes back, its node is the leader.
                var made = new RecordingOutput();
                await init.ExecuteAsync(engine, made, default);
                Assert.Empty(made.Errors);
                ContainerSwarm swarm = Assert.Single(made.ObjectsOf<ContainerSwarm>());
                Assert.Equal(new[] { "10.77.0.0/16" }, swarm.DefaultAddressPool);
                Assert.Equal(26, swarm.SubnetSize);
                Assert.Null(swarm.WorkerJoinToken);
                Assert.Equal((await own.Client.Swarm.InspectAsync()).ID, swarm.Id);
                var nodes = new RecordingOutput();
                await new GetContainerSwarmNodeCommand().ExecuteAsync(engine, nodes, default);
                ContainerSwarmNode node = Assert.Single(nodes.ObjectsOf<ContainerSwarmNode>());
                Assert.Equal(("cte-swcmd", "Leader", true, swarm.NodeId), (node.HostName, node.ManagerStatus, node.IsSelf, (string?)node.Id));

                // In a swarm already: init and join are refused.
                var again = new RecordingOutput();
                await init.ExecuteAsync(engine, again, default);
                Assert.Equal(("AlreadyInSwarm", ErrorKind.ResourceExists), Single(again));
                var joinAgain = new RecordingOutput();
                await join.ExecuteAsync(engine, joinAgain, default);
                Assert.Equal(("AlreadyInSwarm", ErrorKind.ResourceExists), Single(joinAgain));
                Assert.Contains("Exit-ContainerSwarm", joinAgain.Errors[0].RecommendedAction);

                // Its own node drained, then active again, from a node object read before each change.
                foreach (string availability in new[] { "Drain", "Pause", "Active" })
                {
                    ContainerSwarmNode current = ContainerSwarmNode.From(await own.Client.Nodes.InspectAsync(node.Id), null, engine);
                    var set = new SetContainerSwarmNodeCommand { Availability = availability, ReadVersions = new Dictionary<string, ulong> { [current.Id] = current.Version } };
                    var changed = new RecordingOutput();
                    await set.ExecuteAsync(engine, new[] { current.Id }, changed, default);
                    Assert.Empty(changed.Errors);
                    Assert.Equal(availability.ToLowerInvariant(), (await own.Client.Nodes.InspectAsync(node.Id)).Spec!.Availability);
                }

                // Leaving: refused to a manager, forced.
                var refused = new RecordingOutput();
                await new ExitContainerSwarmCommand().ExecuteAsync(engine, refused, default);
                Assert.Equal(("SwarmManagerLeaveRefused", ErrorKind.InvalidOperation), Single(refused));
                Assert.Contains("-Force", refused.Errors[0].RecommendedAction);
                var left = new RecordingOutput();
                await new ExitContainerSwarmCommand { Force = true, PassThru = true }.ExecuteAsync(engine, left, default);
                Assert.Empty(left.Errors);
                Assert.Equal(("engine own on own", "Leave the swarm (force, even as a manager)"), Assert.Single(left.Asked));
                Assert.Equal("inactive", Assert.Single(left.ObjectsOf<ContainerEngineInfo>()).SwarmState);

                // A manager nobody runs: the engine tries for a while, then says so, and stays out of any swarm.
                var nobody = new RecordingOutput();
                DateTime started = DateTime.UtcNow;
                await new JoinContainerSwarmCommand { RemoteAddress = new[] { "127.0.0.1:2377" }, Token = await TokenOfAnotherSwarmAsync(), ListenAddress = "127.0.0.1:2377" }
                    .ExecuteAsync(engine, nobody, default);
                Assert.Equal(("SwarmManagerUnreachable", ErrorKind.ConnectionError), Single(nobody));
                Assert.Contains("connection refused", nobody.Errors[0].Message);
                Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(90), "the engine gave up within its own wait");
                Assert.Equal("inactive", (await own.Client.System.InfoAsync()).Swarm!.LocalNodeState);
            }
            finally
            {
                own.Client.Dispose();
                own.Dockerd.Dispose();
            }
        }

        // A well-formed token (of the shared swarm, which the isolated engine cannot reach: it has its own loopback).
        private static async Task<string> TokenOfAnotherSwarmAsync() =>
            (await (await SwarmEngine.GetAsync()).Client.Swarm.InspectAsync()).JoinTokens!.Worker!;
    }
}
