using System.Management.Automation;
using Containers.Commands.Stacks;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Stacks
{
    /// <summary>Get-ContainerStack: docker stack ls, each stack with its services, whoever deployed it.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerStack")]
    [OutputType(typeof(ContainerStack))]
    public sealed class GetContainerStackCmdlet : ContainersCmdlet
    {
        /// <summary>Stack names, or wildcards on them.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("StackName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string[]? Name { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerStackCommand { Name = WithoutPipedHostName(Name) }.ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
