using System.Management.Automation;
using Containers.Commands.Networks;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Networks
{
    /// <summary>Remove-ContainerNetwork: docker network rm; -Unused removes every network no container uses (prune).</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerNetworkCmdlet : TargetCmdlet
    {
        private const string ByObject = "Network";
        private const string PruneSet = "Unused";

        /// <summary>Names or ids of networks; wildcards match names.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "NetworkId", "NetworkName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Network objects, as Get-ContainerNetwork returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ContainerNetwork[] Network { get; set; } = new ContainerNetwork[0];

        /// <summary>Remove networks that still have containers attached (they are disconnected first); with -Unused, remove without asking.</summary>
        [Parameter(ParameterSetName = ByName)]
        [Parameter(ParameterSetName = ByObject)]
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>Remove every network no container uses instead of named ones.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PruneSet)]
        public SwitchParameter Unused { get; set; }

        /// <summary>With -Unused: only networks that carry these labels ('key' or 'key=value').</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>With -Unused: only networks created before this (a DateTime, or a duration back from now such as '24h').</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNull]
        public object? OlderThan { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            RemoveOrPruneAsync(PruneSet, () => new PruneNetworksCommand { Label = Label, OlderThan = OlderThan, Force = Force },
                () => new RemoveContainerNetworkCommand { Force = Force }, output, cancellationToken);

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act) =>
            ForEachEngineAsync(ParameterSetName == ByObject, Name, Network, n => n.Engine, n => n.Name, act);
    }
}
