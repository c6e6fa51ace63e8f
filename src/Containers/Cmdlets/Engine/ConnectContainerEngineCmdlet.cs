using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Engine;
using Containers.Engine.Tls;
using Containers.Engines;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Engine
{
    /// <summary>
    /// Connect-ContainerEngine: chooses the engine this PowerShell session talks to from now on (like setting DOCKER_HOST
    /// or docker context use, but for this session only), after checking that it answers.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ContainerEngine", DefaultParameterSetName = ByUri)]
    [OutputType(typeof(ContainerEngine))]
    public sealed class ConnectContainerEngineCmdlet : ContainersCmdlet
    {
        private const string ByUri = "Uri";
        private const string ByContext = "Context";

        /// <summary>unix:///path, npipe:////./pipe/name, tcp://host:port or host:port. Without it: -Engine, or the environment's choice.</summary>
        [Parameter(Position = 0, ParameterSetName = ByUri)]
        [ValidateNotNullOrEmpty]
        public string? Uri { get; set; }

        /// <summary>A folder with ca.pem, cert.pem and key.pem: connect with TLS and this client certificate.</summary>
        [Parameter(ParameterSetName = ByUri)]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        /// <summary>With -CertificatePath: do not verify the engine's certificate (like DOCKER_TLS without DOCKER_TLS_VERIFY).</summary>
        [Parameter(ParameterSetName = ByUri)]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>A docker context by name, as `docker context ls` lists them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByContext)]
        [ValidateNotNullOrEmpty]
        public string? Context { get; set; }

        protected override async Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            ContainerEngine engine = Choose();
            output.WriteVerbose($"Connecting to {engine.Uri} ({engine.Source}).");
            await EngineInfo.LoadAsync(engine, cancellationToken);
            Engines.EngineSession.SetDefault(SessionKey, engine);
            output.WriteObject(engine);
        }

        private ContainerEngine Choose()
        {
            EngineSelector selector = EngineSelector.ForProcess;
            if (ParameterSetName == ByContext)
            {
                return selector.FromContext(Context!);
            }

            if (Uri == null)
            {
                return Engine ?? selector.FromEnvironment();
            }

            TlsSettings? tls = CertificatePath == null
                ? null
                : TlsSettings.LoadFromDirectory(GetUnresolvedProviderPathFromPSPath(CertificatePath), verifyServer: !SkipCertificateCheck);
            return selector.FromAddress(Uri, tls);
        }
    }
}
