using Containers.Commands.Containers;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Networks
{
    /// <summary>Disconnect-ContainerNetwork: detaches containers from a network; -PassThru returns each container as it is now.</summary>
    public sealed class DisconnectNetworkCommand : ContainerActionCommand
    {
        private DisconnectNetworkCommand(string network, bool force)
        {
            Network = network;
            Force = force;
        }

        /// <param name="network">A name or id, or a ContainerNetwork.</param>
        public static DisconnectNetworkCommand Create(object? network, bool force) => new DisconnectNetworkCommand(NetworkArgument.NameOf(network, "Network"), force);

        public string Network { get; }

        /// <summary>Disconnect even a stale endpoint (a container that is gone or not running).</summary>
        public bool Force { get; }

        protected override string Action => $"Disconnect from network '{Network}'";

        protected override Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken) =>
            engine.Client.Networks.DisconnectAsync(Network, new NetworkDisconnectRequest { Container = target, Force = Force }, cancellationToken);

        protected override CommandError Classify(Exception exception, string target) => NetworkErrors.ClassifyConnection(exception, target, Network);
    }
}
