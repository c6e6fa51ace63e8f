using System.Management.Automation;
using Containers.Models;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Networks
{
    /// <summary>
    /// The parameters Connect- and Disconnect-ContainerNetwork share: the network (a name, id or network object) and
    /// the containers, by name (strings piped in) or as container objects piped from Get-Container.
    /// </summary>
    public abstract class ContainerNetworkConnectionCmdlet : TargetCmdlet
    {
        protected const string ByObject = "Object";

        /// <summary>The network: a name or id, or a network object from Get-ContainerNetwork.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public object Network { get; set; } = null!;

        /// <summary>Names or ids of containers; wildcards match names.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerId", "ContainerName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[] Container { get; set; } = new string[0];

        /// <summary>Container objects, as Get-Container returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Container[] InputObject { get; set; } = new Container[0];

        /// <summary>Return each container after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act) =>
            ForEachEngineAsync(ParameterSetName == ByObject, Container, InputObject, o => o.Engine, o => o.Id, act);
    }
}
