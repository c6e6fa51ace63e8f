using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Invoke-ImagePull: docker pull, with a progress bar per layer; returns the pulled image.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ImagePull", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerImage))]
    public sealed class InvokeImagePullCmdlet : ContainersCmdlet
    {
        /// <summary>Image references: name[:tag] or name@digest; no tag means latest.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageName", "Reference")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>os[/arch[/variant]] of a multi-platform image, such as linux/arm64.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string? Platform { get; set; }

        /// <summary>The registry login to use instead of the stored one.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new PullImageCommand(RegistryLogins.Store) { Platform = Platform, Credential = RegistryLogins.From(Credential) }
                .ExecuteAsync(SelectEngine(), Name, output, cancellationToken);
    }
}
