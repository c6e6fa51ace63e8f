using System.Management.Automation;
using Containers.Commands.Stacks;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Stacks
{
    /// <summary>
    /// Remove-ContainerStack: docker stack rm. The stack's services go, then its secrets, configs and networks, waiting
    /// (up to -Timeout) for those its stopping tasks still hold. Stacks by name (wildcards allowed, strings piped in), or
    /// by stack object (piped from Get-ContainerStack, which also carries its engine).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerStack))]
    public sealed class RemoveContainerStackCmdlet : TargetCmdlet
    {
        private const string ByObject = "InputObject";

        /// <summary>Stack names; wildcards match the names of the stacks that have services.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("StackName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Stack objects, as Get-ContainerStack returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ContainerStack[] InputObject { get; set; } = new ContainerStack[0];

        /// <summary>Seconds to wait for the stack's networks, secrets and configs to be let go by its stopping tasks; 60 by default.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>Return each removed stack, as it was before the removal.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act) =>
            ForEachEngineAsync(ParameterSetName == ByObject, Name, InputObject, stack => stack.Engine, stack => stack.Name, act);

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new RemoveContainerStackCommand { Timeout = Timeout, PassThru = PassThru }, output, cancellationToken);
    }
}
