using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Engine;
using Containers.Engines;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Engine
{
    /// <summary>
    /// Connect-ContainerEngine: chooses the engine this PowerShell session talks to from now on (like setting DOCKER_HOST
    /// or docker context use, but for this session only), after checking that it answers.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ContainerEngine", DefaultParameterSetName = ByUri)]
    [OutputType(typeof(ContainerEngineInfo))]
    public sealed class ConnectContainerEngineCmdlet : ContainersCmdlet
    {
        private const string ByUri = "Uri";
        private const string ByContext = "Context";
        private const string ByHostName = "HostName";

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

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new ConnectEngineCommand(EngineSelector.ForProcess)
            {
                Uri = Uri,
                Context = Context,
                HostName = HostName,
                Engine = Engine,
                CertificatePath = CertificatePath == null ? null : GetUnresolvedProviderPathFromPSPath(CertificatePath),
                SkipCertificateCheck = SkipCertificateCheck,
                ResponseTimeout = ResponseTimeout,
            }.ExecuteAsync(SessionKey, output, cancellationToken);
    }
}
