using Containers.Commands.Containers;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Networks
{
    /// <summary>
    /// Connect-ContainerNetwork: attaches containers to a network, with aliases and static addresses; -PassThru returns
    /// each container as it is now. A static address fits one container, so a wildcard that matches several is refused.
    /// </summary>
    public sealed class ConnectNetworkCommand : ContainerActionCommand
    {
        private ConnectNetworkCommand(string network, List<string>? aliases, EndpointIpamConfig? addresses)
        {
            Network = network;
            Aliases = aliases;
            Addresses = addresses;
        }

        /// <summary>Checks every value before anything is sent; a bad one throws an <see cref="Errors.InvalidParameterException"/>.</summary>
        /// <param name="network">A name or id, or a ContainerNetwork.</param>
        public static ConnectNetworkCommand Create(object? network, IEnumerable<string>? aliases, IEnumerable<string>? ipAddresses)
        {
            List<string>? aliasList = aliases?.Select(a => a?.Trim() ?? string.Empty).ToList();
            string? empty = aliasList?.FirstOrDefault(a => a.Length == 0);
            if (empty != null)
            {
                throw new Errors.InvalidParameterException("Alias", empty, "An alias given to -Alias is empty.");
            }

            return new ConnectNetworkCommand(NetworkArgument.NameOf(network, "Network"), aliasList?.Count > 0 ? aliasList : null, EndpointAddresses.Parse(ipAddresses));
        }

        public string Network { get; }

        public IReadOnlyList<string>? Aliases { get; }

        public EndpointIpamConfig? Addresses { get; }

        protected override string Action => $"Connect to network '{Network}'";

        protected override bool OneContainerOnly => Addresses != null;

        protected override async Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            // For a stopped container the engine only records the request and does not look the network up, so a
            // misspelt network would surface only at the next start; asking first makes it a NetworkNotFound now.
            await engine.Client.Networks.InspectAsync(Network, cancellationToken);
            await engine.Client.Networks.ConnectAsync(
                Network,
                new NetworkConnectRequest
                {
                    Container = target,
                    EndpointConfig = Aliases == null && Addresses == null ? null : new EndpointSettings { Aliases = Aliases?.ToList(), IPAMConfig = Addresses },
                },
                cancellationToken);
        }

        protected override CommandError Classify(Exception exception, string target) => NetworkErrors.ClassifyConnection(exception, target, Network);
    }
}
