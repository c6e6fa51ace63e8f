using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Hosts;
using Containers.Models;
using Containers.Output;
using Containers.Provisioning.Drivers;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>
    /// New-ContainerHost: makes a machine running a Docker engine with TLS, adds it to the host store and as a docker
    /// context, and returns it. Transactional: a failing step undoes the earlier ones.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ContainerHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerHost))]
    public sealed class NewContainerHostCmdlet : ContainersCmdlet
    {
        /// <summary>The host's name: letters, digits, '.' and '-', starting with a letter or digit, at most 63 characters.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("HostName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Local (an engine on this machine), Ssh or Azure.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(HostDrivers.Local, HostDrivers.Ssh, HostDrivers.Azure)]
        public string Driver { get; set; } = HostDrivers.Local;

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new NewContainerHostCommand(HostCommandContext.ForProcess()) { Name = Name, Driver = Driver }.ExecuteAsync(output, cancellationToken);
    }
}
