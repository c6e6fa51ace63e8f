using System.Management.Automation;
using Containers.Commands.Services;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>New- and Set-ContainerService's -ResolveImage, -Credential and -WithRegistryAuth, as the core takes them.</summary>
    internal static class ServiceImageParameters
    {
        public static ServiceImage From(ServiceImageResolution resolution, PSCredential? credential, bool withRegistryAuth) =>
            new ServiceImage { Resolution = resolution, Credential = RegistryLogins.From(credential), WithRegistryAuth = withRegistryAuth, Store = RegistryLogins.Store };
    }
}
