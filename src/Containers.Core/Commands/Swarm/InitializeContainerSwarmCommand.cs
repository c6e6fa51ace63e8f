using Containers.Engine.Models;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Swarm
{
    /// <summary>
    /// Initialize-ContainerSwarm: docker swarm init. Makes the engine the first manager of a new swarm and returns the
    /// swarm. An engine in a swarm already is AlreadyInSwarm, and nothing changes.
    /// </summary>
    public sealed class InitializeContainerSwarmCommand
    {
        /// <summary>Where the manager listens: ADDRESS[:PORT] or an interface; 0.0.0.0:2377 when absent.</summary>
        public string? ListenAddress { get; set; }

        /// <summary>The address other nodes reach this one at: ADDRESS[:PORT] or an interface; the engine picks one when absent.</summary>
        public string? AdvertiseAddress { get; set; }

        /// <summary>The address or interface for overlay data traffic, when not the advertised one.</summary>
        public string? DataPathAddress { get; set; }

        /// <summary>CIDR pools overlay networks take their subnets from.</summary>
        public IReadOnlyList<string>? DefaultAddressPool { get; set; }

        /// <summary>The prefix length of each subnet taken from the pools.</summary>
        public int? SubnetSize { get; set; }

        /// <summary>Return the swarm with its join tokens.</summary>
        public bool IncludeJoinToken { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            var request = new SwarmInitRequest
            {
                ListenAddr = string.IsNullOrEmpty(ListenAddress) ? "0.0.0.0:2377" : ListenAddress!,
                AdvertiseAddr = string.IsNullOrEmpty(AdvertiseAddress) ? null : AdvertiseAddress,
                DataPathAddr = string.IsNullOrEmpty(DataPathAddress) ? null : DataPathAddress,
                DefaultAddrPool = DefaultAddressPool == null || DefaultAddressPool.Count == 0 ? null : DefaultAddressPool.ToList(),
                SubnetSize = SubnetSize.HasValue ? (uint)SubnetSize.Value : (uint?)null,
            };

            if (request.SubnetSize.HasValue && request.DefaultAddrPool == null)
            {
                // The engine would take the size for its default pool, a surprise to whoever meant it for pools of their own.
                throw new InvalidParameterException("SubnetSize", SubnetSize, "-SubnetSize applies to the pools of -DefaultAddressPool; give them too.");
            }

            if (!output.ShouldProcess(WhatIfTarget.On(engine, "engine " + engine.Name), "Initialize a swarm, listening on " + request.ListenAddr))
            {
                return;
            }

            try
            {
                string nodeId = await engine.Client.Swarm.InitAsync(request, cancellationToken);
                output.WriteVerbose($"The engine {engine.Name} is the first manager of a new swarm, as node {nodeId}.");
                output.WriteObject(await GetContainerSwarmCommand.ReadAsync(engine, IncludeJoinToken, cancellationToken));
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, engine.Name, "Swarm"));
            }
        }
    }
}
