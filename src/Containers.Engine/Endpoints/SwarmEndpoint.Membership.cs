using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    public sealed partial class SwarmEndpoint
    {
        /// <summary>
        /// Makes this engine the first manager of a new swarm and returns its node id. An engine in a swarm already gets
        /// 503 "This node is already part of a swarm"; an address it cannot listen on or advertise is a 400.
        /// </summary>
        public Task<string> InitAsync(SwarmInitRequest body, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/swarm/init");
            request.Content = EngineCalls.JsonContent(body);
            request.Timeout = ResponseTimeout.Extended; // the engine answers once the raft store is up and it is the leader
            request.ExtraTime = MembershipTime;
            return _client.SendAsync<string>(request, cancellationToken);
        }

        /// <summary>
        /// Joins a swarm and returns once this node is part of it. A malformed token fails at once (500 "invalid join
        /// token"); managers that refuse the connection make the engine give up after about ten seconds (503 "rpc error:
        /// code = Unavailable ... connection refused"); a manager that does not answer at all, after its own wait (about 20
        /// seconds) with "Timeout was reached before node joined", and it then goes on trying in the background (the node
        /// is "pending" until it joins, or until it leaves).
        /// </summary>
        public Task JoinAsync(SwarmJoinRequest body, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/swarm/join");
            request.Content = EngineCalls.JsonContent(body);
            request.Timeout = ResponseTimeout.Extended;
            request.ExtraTime = MembershipTime;
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        /// <summary>
        /// Leaves the swarm. A manager is refused (503) unless <paramref name="force"/>: leaving breaks the managers' quorum,
        /// and the last manager's leaving ends the swarm. An engine outside a swarm gets 503 "This node is not part of a swarm".
        /// </summary>
        public Task LeaveAsync(bool force, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/swarm/leave");
            request.Query.AddFlag("force", force);
            request.Timeout = ResponseTimeout.Extended; // the node stops its tasks and its raft member first
            request.ExtraTime = MembershipTime;
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        // Beyond the ordinary limit: the engine's own waits for a join (20 s) or a raft start can take longer on a loaded machine.
        private static readonly TimeSpan MembershipTime = TimeSpan.FromSeconds(60);
    }
}
