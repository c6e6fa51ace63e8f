using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Output;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>
    /// The parameters Invoke-ImagePull and Invoke-ImagePush share: the image references, by argument or piped in, and a
    /// registry login to use instead of the stored one; each record is one <see cref="ImageTransferCommand"/>.
    /// </summary>
    public abstract class ImageTransferCmdlet : ContainersCmdlet
    {
        /// <summary>Image references: name[:tag] (no tag means latest), or for a pull name@digest.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageName", "Reference")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>The registry login to use instead of the stored one.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The pull or push, with the cmdlet's own parameters set.</summary>
        private protected abstract ImageTransferCommand Command();

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            ImageTransferCommand command = Command();
            command.Credential = RegistryLogins.From(Credential);
            return command.ExecuteAsync(SelectEngine(), Name, output, cancellationToken);
        }
    }
}
