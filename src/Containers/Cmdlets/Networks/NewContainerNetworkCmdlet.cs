using System.Collections;
using System.Management.Automation;
using Containers.Commands.Networks;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Networks
{
    /// <summary>New-ContainerNetwork: docker network create. Returns the network made.</summary>
    [Cmdlet(VerbsCommon.New, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerNetwork))]
    public sealed class NewContainerNetworkCmdlet : ContainersCmdlet
    {
        /// <summary>The new network's name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("NetworkName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>bridge (the default), overlay, macvlan, ipvlan or a plugin's name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NetworkDriverCompleter))]
        public string? Driver { get; set; }

        /// <summary>Address pools in CIDR form: '10.231.1.0/24'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Subnet { get; set; }

        /// <summary>Gateways, each in one of the subnets.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Gateway { get; set; }

        /// <summary>Ranges containers get addresses from, each within one of the subnets: '10.231.1.128/25'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? IPRange { get; set; }

        /// <summary>No route out of the network.</summary>
        [Parameter]
        public SwitchParameter Internal { get; set; }

        /// <summary>Swarm networks: let standalone containers attach.</summary>
        [Parameter]
        public SwitchParameter Attachable { get; set; }

        /// <summary>Give the network IPv6 addresses too.</summary>
        [Parameter]
        public SwitchParameter IPv6 { get; set; }

        /// <summary>Labels: @{ key = 'value' }.</summary>
        [Parameter]
        public Hashtable? Label { get; set; }

        /// <summary>The driver's options: @{ 'com.docker.network.bridge.name' = 'br-app' }.</summary>
        [Parameter]
        [Alias("DriverOption")]
        public Hashtable? Option { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            NewContainerNetworkCommand.FromOptions(new NetworkOptions
            {
                Name = Name,
                Driver = Driver,
                Subnet = Subnet,
                Gateway = Gateway,
                IPRange = IPRange,
                Internal = Internal,
                Attachable = Attachable,
                IPv6 = IPv6,
                Label = Label,
                Option = Option,
            }).ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
