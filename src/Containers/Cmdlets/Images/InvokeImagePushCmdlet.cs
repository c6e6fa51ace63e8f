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
    /// <summary>Invoke-ImagePush: docker push, with a progress bar per layer; returns the image with the pushed digest.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ImagePush", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerImage))]
    public sealed class InvokeImagePushCmdlet : ContainersCmdlet
    {
        /// <summary>Local image names, registry/repository[:tag]; no tag means latest.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageName", "Reference")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>The registry login to use instead of the stored one.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new PushImageCommand(RegistryLogins.Store) { Credential = RegistryLogins.From(Credential) }
                .ExecuteAsync(SelectEngine(), Name, output, cancellationToken);
    }
}
