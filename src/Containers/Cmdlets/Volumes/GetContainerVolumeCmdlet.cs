using System.Collections;
using System.Management.Automation;
using Containers.Commands.Volumes;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Volumes
{
    /// <summary>Get-ContainerVolume: docker volume ls as objects.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerVolume")]
    [OutputType(typeof(ContainerVolume))]
    public sealed class GetContainerVolumeCmdlet : ContainersCmdlet
    {
        /// <summary>Volume names, or wildcards on them.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VolumeName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerVolumeNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only volumes of this driver: local, or a volume plugin's name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Driver { get; set; }

        /// <summary>Only volumes with these labels: KEY or KEY=VALUE.</summary>
        [Parameter]
        public string[]? Label { get; set; }

        /// <summary>Only volumes no container uses (docker volume ls -f dangling=true).</summary>
        [Parameter]
        public SwitchParameter Dangling { get; set; }

        /// <summary>The engine's filters, for example @{ name = 'cache' } (a substring match).</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        /// <summary>Fill in UsageData: each volume's size and the number of containers using it (docker system df -v; slow for big volumes).</summary>
        [Parameter]
        public SwitchParameter IncludeUsage { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerVolumeCommand { Name = WithoutPipedHostName(Name), Driver = Driver, Label = Label, Dangling = Dangling, Filter = Filter, IncludeUsage = IncludeUsage }
                .ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
