using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Import-ContainerImage: docker load of tar files, returning the images loaded.</summary>
    [Cmdlet(VerbsData.Import, "ContainerImage", SupportsShouldProcess = true)]
    [OutputType(typeof(ContainerImage))]
    public sealed class ImportContainerImageCmdlet : ContainersCmdlet
    {
        /// <summary>Tar files docker save or Export-ContainerImage wrote. Files piped from Get-ChildItem bind by FullName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new ImportContainerImageCommand()
                .ExecuteAsync(SelectEngine(), Path.Select(GetUnresolvedProviderPathFromPSPath).ToList(), output, cancellationToken);
    }
}
