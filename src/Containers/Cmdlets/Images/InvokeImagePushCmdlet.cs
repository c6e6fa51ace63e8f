using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Invoke-ImagePush: docker push, with a progress bar per layer; returns the image with the pushed digest.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ImagePush", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerImage))]
    public sealed class InvokeImagePushCmdlet : ImageTransferCmdlet
    {
        private protected override ImageTransferCommand Command() => new PushImageCommand(RegistryLogins.Store);
    }
}
