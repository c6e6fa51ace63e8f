using Containers.Commands.Engines;
using Containers.Engine.Models;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Swarm
{
    /// <summary>
    /// Join-ContainerSwarm: docker swarm join. The engine answers once the node has joined, or with why it could not: a
    /// malformed or refused token (SwarmJoinTokenInvalid), managers that refuse the connection (SwarmManagerUnreachable,
    /// after the engine has tried for about ten seconds), a manager that does not answer within the engine's own wait
    /// (SwarmJoinTimeout; it goes on trying in the background until it joins or leaves), an engine in a swarm already
    /// (AlreadyInSwarm). Then it waits until the engine says the node is active, reporting the engine's error if it says
    /// that instead.
    /// </summary>
    public sealed class JoinContainerSwarmCommand
    {
        /// <summary>How long the node may take to say it is active once the engine has accepted the join.</summary>
        public static readonly TimeSpan ActiveWait = TimeSpan.FromSeconds(60);

        /// <summary>Managers of the swarm (HOST:PORT, port 2377 when absent); the first that answers is used.</summary>
        public IReadOnlyList<string> RemoteAddress { get; set; } = Array.Empty<string>();

        /// <summary>A worker or manager join token: it decides the role the node joins with.</summary>
        public string Token { get; set; } = string.Empty;

        public string? ListenAddress { get; set; }

        public string? AdvertiseAddress { get; set; }

        public string? DataPathAddress { get; set; }

        /// <summary>Write the engine once it has joined (its SwarmState is then active).</summary>
        public bool PassThru { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (RemoteAddress.Count == 0 || RemoteAddress.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidParameterException("RemoteAddress", null, "Give the address of at least one manager of the swarm (HOST:PORT).");
            }

            if (string.IsNullOrWhiteSpace(Token))
            {
                throw new InvalidParameterException("Token", null, "Give the swarm's join token: (Get-ContainerSwarm -IncludeJoinToken -Engine MANAGER).WorkerJoinToken.");
            }

            var request = new SwarmJoinRequest
            {
                RemoteAddrs = RemoteAddress.Select(address => address.Trim()).ToList(),
                JoinToken = Token.Trim(),
                ListenAddr = string.IsNullOrEmpty(ListenAddress) ? "0.0.0.0:2377" : ListenAddress!,
                AdvertiseAddr = string.IsNullOrEmpty(AdvertiseAddress) ? null : AdvertiseAddress,
                DataPathAddr = string.IsNullOrEmpty(DataPathAddress) ? null : DataPathAddress,
            };

            if (!output.ShouldProcess(WhatIfTarget.On(engine, "engine " + engine.Name), "Join the swarm managed at " + string.Join(", ", request.RemoteAddrs)))
            {
                return;
            }

            try
            {
                await engine.Client.Swarm.JoinAsync(request, cancellationToken);
                SwarmInfo joined = await WaitUntilActiveAsync(engine, cancellationToken);
                if (joined.LocalNodeState == "active")
                {
                    output.WriteVerbose($"The engine {engine.Name} joined the swarm as node {joined.NodeID}, as a {(joined.ControlAvailable ? "manager" : "worker")}.");
                    if (PassThru)
                    {
                        output.WriteObject(await EngineInfo.LoadAsync(engine, cancellationToken));
                    }

                    return;
                }

                output.WriteError(joined.LocalNodeState == "error"
                    ? new CommandError("SwarmJoinFailed", ErrorKind.InvalidOperation, $"The engine {engine.Name} accepted the join, then reported an error: {joined.Error}", engine.Name)
                    : new CommandError("SwarmJoinTimeout", ErrorKind.OperationTimeout,
                        $"The engine {engine.Name} accepted the join, but its node was still '{joined.LocalNodeState}' after {ActiveWait.TotalSeconds:0} seconds.", engine.Name,
                        recommendedAction: "Look again later with Get-ContainerEngine; Exit-ContainerSwarm -Force stops the attempt."));
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, engine.Name, "Swarm"));
            }
        }

        // The engine answers a join once the node is set up; "active" can follow a moment later on a loaded machine. Returns
        // the swarm part of the engine's info once it is active or in error, or as it is when the wait is over.
        private static async Task<SwarmInfo> WaitUntilActiveAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            DateTime until = DateTime.UtcNow + ActiveWait;
            while (true)
            {
                SwarmInfo swarm = (await engine.Client.System.InfoAsync(cancellationToken)).Swarm ?? new SwarmInfo();
                if (swarm.LocalNodeState == "active" || swarm.LocalNodeState == "error" || DateTime.UtcNow > until)
                {
                    return swarm;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }
}
