using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Invoke-ImagePull: docker pull, with a progress bar per layer; returns the pulled image.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ImagePull", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerImage))]
    public sealed class InvokeImagePullCmdlet : ImageTransferCmdlet
    {
        /// <summary>os[/arch[/variant]] of a multi-platform image, such as linux/arm64.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string? Platform { get; set; }

        private protected override ImageTransferCommand Command() => new PullImageCommand(RegistryLogins.Store) { Platform = Platform };
    }
}
