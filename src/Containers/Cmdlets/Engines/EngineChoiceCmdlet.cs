using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using Containers.Commands.Engines;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Engines
{
    /// <summary>
    /// The parameters New-ContainerEngine and Connect-ContainerEngine share to name an engine: an address with TLS as a
    /// folder, objects, a PFX file or a store thumbprint; a docker context; or a host of the host store.
    /// </summary>
    public abstract class EngineChoiceCmdlet : ContainersCmdlet
    {
        /// <summary>It chooses, or makes, one engine.</summary>
        protected override bool ActsOnManyEngines => false;

        protected const string ByUri = "Uri";
        protected const string ByContext = "Context";
        protected const string ByHostName = "HostName";

        /// <summary>unix:///path, npipe:////./pipe/name, tcp://host:port or host:port. Without it: -Engine, or the environment's choice.</summary>
        [Parameter(Position = 0, ParameterSetName = ByUri)]
        [ValidateNotNullOrEmpty]
        public string? Uri { get; set; }

        /// <summary>A folder with ca.pem, cert.pem and key.pem: connect with TLS and this client certificate.</summary>
        [Parameter(ParameterSetName = ByUri)]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        /// <summary>The client certificate as an object with its private key (Get-AutomationCertificate, Cert:\, Get-PfxCertificate).</summary>
        [Parameter(ParameterSetName = ByUri)]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        /// <summary>The authority (CA) certificates the engine's certificate must chain to, with -Certificate, -CertificateFile or -CertificateThumbprint.</summary>
        [Parameter(ParameterSetName = ByUri)]
        [ValidateNotNullOrEmpty]
        public X509Certificate2[]? CaCertificate { get; set; }

        /// <summary>A PKCS#12 (.pfx, .p12) file with the client certificate and its private key.</summary>
        [Parameter(ParameterSetName = ByUri)]
        [ValidateNotNullOrEmpty]
        public string? CertificateFile { get; set; }

        /// <summary>Windows only: the client certificate's thumbprint in Cert:\CurrentUser\My, else Cert:\LocalMachine\My.</summary>
        [Parameter(ParameterSetName = ByUri)]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        /// <summary>The password of an encrypted key.pem (-CertificatePath) or of the -CertificateFile.</summary>
        [Parameter(ParameterSetName = ByUri)]
        [ValidateNotNull]
        public SecureString? KeyPassword { get; set; }

        /// <summary>Do not verify the engine's certificate (like DOCKER_TLS without DOCKER_TLS_VERIFY).</summary>
        [Parameter(ParameterSetName = ByUri)]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>A docker context by name, as `docker context ls` lists them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByContext)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DockerContextCompleter))]
        public string? Context { get; set; }

        /// <summary>A host of the host store by name, as Get-ContainerHost lists them: its engine, over TLS with the store's client certificate.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByHostName)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerHostNameCompleter))]
        public string? HostName { get; set; }

        /// <summary>How long the engine's ordinary calls wait for an answer: a TimeSpan or a number of seconds, 1 second to 1 hour (30 seconds by default).</summary>
        [Parameter]
        [SecondsArgument]
        public TimeSpan? ResponseTimeout { get; set; }

        /// <summary>Hands the bound parameters to the command; file paths resolved against the current PowerShell location.</summary>
        protected T WithChoice<T>(T command)
            where T : EngineChoice
        {
            command.Uri = Uri;
            command.Context = Context;
            command.HostName = HostName;
            command.Engine = SingleGivenEngine();
            command.Tls.CertificatePath = CertificatePath == null ? null : GetUnresolvedProviderPathFromPSPath(CertificatePath);
            command.Tls.Certificate = Certificate;
            command.Tls.CaCertificate = CaCertificate;
            command.Tls.CertificateFile = CertificateFile == null ? null : GetUnresolvedProviderPathFromPSPath(CertificateFile);
            command.Tls.CertificateThumbprint = CertificateThumbprint;
            command.Tls.KeyPassword = KeyPassword;
            command.Tls.SkipCertificateCheck = SkipCertificateCheck;
            command.ResponseTimeout = ResponseTimeout;
            return command;
        }
    }
}
