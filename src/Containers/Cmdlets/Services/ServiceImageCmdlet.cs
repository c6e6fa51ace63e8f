using System.Management.Automation;
using Containers.Commands.Services;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>
    /// The parameters of every cmdlet that hands the swarm a service's image (New- and Set-ContainerService,
    /// Publish-ContainerStack): whether the image is pinned to the digest its registry serves, and the login the nodes
    /// pull it with. Each cmdlet keeps docker's default for -ResolveImage: Always to create, Changed to update.
    /// </summary>
    public abstract class ServiceImageCmdlet : ContainersCmdlet
    {
        protected ServiceImageCmdlet(ServiceImageResolution defaultResolution) => ResolveImage = defaultResolution;

        /// <summary>
        /// Whether the image is pinned to the digest its registry serves, so every node runs the same: Always, Changed
        /// (only an image that is not the one the service has), or Never (the image as given, as each node has it).
        /// </summary>
        [Parameter]
        public ServiceImageResolution ResolveImage { get; set; }

        /// <summary>A registry login to send with the service so the nodes can pull a private image.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Send the stored login (Connect-ContainerRegistry, docker login) for the image's registry with the service (docker's --with-registry-auth).</summary>
        [Parameter]
        public SwitchParameter WithRegistryAuth { get; set; }

        /// <summary>-ResolveImage, -Credential and -WithRegistryAuth as the core takes them.</summary>
        protected ServiceImage ImageOptions() =>
            new ServiceImage { Resolution = ResolveImage, Credential = RegistryLogins.From(Credential), WithRegistryAuth = WithRegistryAuth, Store = RegistryLogins.Store };
    }
}
