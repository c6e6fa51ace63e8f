using System.Collections;
using System.Management.Automation;
using Containers.Commands.Volumes;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Volumes
{
    /// <summary>New-ContainerVolume: docker volume create, with a driver and its options for volume plugins.</summary>
    [Cmdlet(VerbsCommon.New, "ContainerVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerVolume))]
    public sealed class NewContainerVolumeCmdlet : ContainersCmdlet
    {
        /// <summary>The volume's name; the engine makes one up (64 hex digits) when absent.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VolumeName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The volume driver: local (the default) or an installed volume plugin's name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Driver { get; set; }

        /// <summary>Driver options (docker volume create -o): for local, @{ type = 'tmpfs'; device = 'tmpfs'; o = 'size=64m' }.</summary>
        [Parameter]
        [Alias("DriverOption")]
        public Hashtable? Option { get; set; }

        /// <summary>Labels: @{ key = 'value' }.</summary>
        [Parameter]
        public Hashtable? Label { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new NewContainerVolumeCommand { Name = Name, Driver = Driver, Option = Option, Label = Label }
                .ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
