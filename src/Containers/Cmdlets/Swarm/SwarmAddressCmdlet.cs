using System.Management.Automation;

namespace Containers.PowerShell.Cmdlets.Swarm
{
    /// <summary>The addresses an engine takes when it becomes a node, which Initialize- and Join-ContainerSwarm share.</summary>
    public abstract class SwarmAddressCmdlet : ContainersCmdlet
    {
        /// <summary>The address other nodes reach this one at: ADDRESS[:PORT] or an interface name (--advertise-addr).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdvertiseAddress { get; set; }

        /// <summary>Where the node listens as a manager: ADDRESS[:PORT] or an interface name; 0.0.0.0:2377 by default (--listen-addr).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ListenAddress { get; set; }

        /// <summary>The address or interface overlay data traffic uses, when not the advertised one (--data-path-addr).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DataPathAddress { get; set; }
    }
}
