using System.Collections;
using System.Management.Automation;
using Containers.Commands.Secrets;
using Containers.Engine.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>The parameters Get-ContainerSecret and Get-ContainerConfig share; each gives its command.</summary>
    public abstract class GetSwarmDataCmdlet<T> : ContainersCmdlet
        where T : SwarmData
    {
        /// <summary>Names, wildcards on names, ids or id prefixes.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SwarmDataNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only those with these labels: KEY or KEY=VALUE.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>The engine's filters: @{ name = 'db' } (names starting so), id, label.</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        /// <summary>The command of the kind.</summary>
        private protected abstract GetSwarmDataCommand<T> NewCommand();

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            GetSwarmDataCommand<T> command = NewCommand();
            command.Name = WithoutPipedHostName(Name);
            command.Label = Label;
            command.Filter = Filter;
            return command.ExecuteAsync(SelectEngine(), output, cancellationToken);
        }
    }
}
