using System.Management.Automation;
using System.Net;
using System.Security;
using Containers.Commands.Hosts;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Ssh;

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
        /// <summary>The host store is on this machine: -Engine is accepted (piped objects bind it) and not used.</summary>
        protected override bool UsesEngine => false;

        /// <summary>The host's name: letters, digits, '.' and '-', starting with a letter or digit, at most 63 characters.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("HostName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Local (an engine on this machine), Ssh or Azure.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(HostDrivers.Local, HostDrivers.Ssh, HostDrivers.Azure)]
        public string Driver { get; set; } = HostDrivers.Local;

        /// <summary>Ssh: the machine's IP address or DNS name, for SSH and for the engine.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Address { get; set; }

        /// <summary>Ssh: the user to log in as; root, or a user that may run sudo without a password.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string User { get; set; } = "root";

        /// <summary>Ssh: the private key to log in with; default ~/.ssh/id_ed25519, id_ecdsa or id_rsa.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? KeyFile { get; set; }

        /// <summary>Ssh: the SSH port.</summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int Port { get; set; } = 22;

        /// <summary>Ssh: the host key the machine must present ("ssh-ed25519 AAAA..."); by default the key presented at first contact is pinned.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HostKey { get; set; }

        /// <summary>Ssh: the engine's TLS port.</summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int EnginePort { get; set; } = 2376;

        /// <summary>Azure: the subscription to make the host in; AZURE_SUBSCRIPTION_ID when left out.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? SubscriptionId { get; set; }

        /// <summary>Azure: the region, for example westeurope.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Location { get; set; }

        /// <summary>Azure: the VM size; Standard_B2s when left out.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Size { get; set; }

        /// <summary>Azure: the resource group to make for the host (it must not exist); containers-NAME when left out.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ResourceGroupName { get; set; }

        /// <summary>Azure: addresses or CIDR ranges allowed to reach SSH and the engine; this machine's public address when left out.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? AllowedSourceAddress { get; set; }

        /// <summary>Azure: an access token for Azure Resource Manager, used instead of any sign-in; a string or a SecureString (Get-AzAccessToken gives either, by Az.Accounts version).</summary>
        [Parameter]
        [SecretArgument]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new NewContainerHostCommand(HostCommandContext.ForProcess())
            {
                Name = Name,
                Driver = Driver,
                Ssh = SshParameters(),
                Azure = AzureParameters(),
            }.ExecuteAsync(output, cancellationToken);

        /// <summary>Null unless -Driver Azure or an Azure parameter was given, so that another driver can refuse them.</summary>
        private AzureHostOptions? AzureParameters()
        {
            string[] azure = { nameof(SubscriptionId), nameof(Location), nameof(Size), nameof(ResourceGroupName), nameof(AllowedSourceAddress), nameof(AccessToken) };
            if (!string.Equals(Driver, HostDrivers.Azure, System.StringComparison.OrdinalIgnoreCase) && !System.Array.Exists(azure, MyInvocation.BoundParameters.ContainsKey))
            {
                return null;
            }

            return new AzureHostOptions
            {
                SubscriptionId = SubscriptionId,
                Location = Location,
                Size = Size,
                ResourceGroupName = ResourceGroupName,
                AllowedSourceAddress = AllowedSourceAddress,
                AccessToken = AccessToken == null ? null : new NetworkCredential(string.Empty, AccessToken).Password,
            };
        }

        /// <summary>Null unless an Ssh parameter was given, so that another driver can refuse them.</summary>
        private SshHostParameters? SshParameters()
        {
            string[] ssh = { nameof(Address), nameof(User), nameof(KeyFile), nameof(Port), nameof(HostKey), nameof(EnginePort) };
            if (!string.Equals(Driver, HostDrivers.Ssh, System.StringComparison.OrdinalIgnoreCase) && !System.Array.Exists(ssh, MyInvocation.BoundParameters.ContainsKey))
            {
                return null;
            }

            return new SshHostParameters
            {
                Address = Address,
                User = User,
                KeyFile = KeyFile == null ? null : GetUnresolvedProviderPathFromPSPath(KeyFile),
                Port = Port,
                HostKey = HostKey,
                EnginePort = EnginePort,
            };
        }
    }
}
