using System.Net;
using Containers.Engine.Errors;
using Containers.Errors;
using Containers.Output;
using Xunit;

namespace Containers.Tests.Core.Errors
{
    /// <summary>
    /// The swarm refusals that need more than one node to provoke, which the single-node swarms here cannot: a worker asked
    /// for the swarm, a node still up removed, a manager that refuses a token, a manager that never answers a join. The
    /// messages and statuses are moby 20.10's own (daemon/cluster/errors.go, swarmkit's node removal and join), replayed;
    /// the ones a single node gives are checked against the real engine in SwarmMembershipCommandTests and SwarmNodeCommandTests.
    /// </summary>
    public class SwarmErrorClassificationTests
    {
        [Theory]
        [InlineData(503, "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.", "NotSwarmManager", ErrorKind.InvalidOperation, "promote")]
        [InlineData(503, "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.", "NotInSwarm", ErrorKind.InvalidOperation, "Initialize-ContainerSwarm")]
        [InlineData(400, "rpc error: code = FailedPrecondition desc = node 5x4z7q0cmvxq3v8n0b2yr3y6d is not down and can't be removed", "SwarmNodeNotDown", ErrorKind.ResourceBusy, "-Force")]
        [InlineData(400, "rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster", "SwarmJoinTokenInvalid", ErrorKind.InvalidArgument, "-IncludeJoinToken")]
        [InlineData(503, "Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the \"docker info\" command to see the current swarm status of your node.", "SwarmJoinTimeout", ErrorKind.OperationTimeout, "Exit-ContainerSwarm -Force")]
        public void Each_refusal_has_its_id_category_and_advice(int status, string message, string errorId, ErrorKind kind, string advice)
        {
            EngineException exception = ErrorMapper.FromResponse((HttpStatusCode)status, message, EngineResourceKind.Unknown, null);
            CommandError error = ErrorClassifier.Classify(exception, "manager01", "SwarmNode");
            Assert.Equal((errorId, kind, "manager01"), (error.ErrorId, error.Kind, error.Target));
            Assert.Contains(advice, error.RecommendedAction);
            Assert.Same(exception, error.Exception);
        }

        [Fact]
        public void Other_engine_errors_read_as_before()
        {
            CommandError error = ErrorClassifier.Classify(new EngineServerException("some other failure", HttpStatusCode.ServiceUnavailable), null);
            Assert.Equal(("EngineError", ErrorKind.ResourceUnavailable), (error.ErrorId, error.Kind));
            CommandError missing = ErrorClassifier.Classify(new EngineNotFoundException("No such container: web", EngineResourceKind.Container, "web"), "web");
            Assert.Equal("ContainerNotFound", missing.ErrorId);
        }
    }
}
