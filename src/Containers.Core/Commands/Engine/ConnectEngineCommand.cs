using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Errors;
using Containers.Engine.Tls;
using Containers.Engines;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Engine
{
    /// <summary>
    /// Connect-ContainerEngine: chooses the engine a PowerShell session talks to from now on (docker context use, for
    /// this session only). The engine must answer first: a session is never left pointing at an engine that did not.
    /// </summary>
    public sealed class ConnectEngineCommand
    {
        private const string CertificatePathParameter = "CertificatePath";

        private readonly EngineSelector _selector;

        public ConnectEngineCommand(EngineSelector selector)
        {
            _selector = selector ?? throw new ArgumentNullException(nameof(selector));
        }

        /// <summary>An address: unix://, npipe://, tcp:// or host:port.</summary>
        public string? Uri { get; set; }

        /// <summary>A docker context by name.</summary>
        public string? Context { get; set; }

        /// <summary>A host of the host store by name (New-ContainerHost made it).</summary>
        public string? HostName { get; set; }

        /// <summary>An engine object (what -Engine was given), used when neither <see cref="Uri"/> nor <see cref="Context"/> is.</summary>
        public ContainerEngine? Engine { get; set; }

        /// <summary>A folder with ca.pem, cert.pem and key.pem (a file-system path, already resolved); with <see cref="Uri"/> only.</summary>
        public string? CertificatePath { get; set; }

        /// <summary>With <see cref="CertificatePath"/>: accept any server certificate.</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>How long the engine's ordinary calls wait for an answer; null keeps the engine's own (30 seconds unless set before).</summary>
        public TimeSpan? ResponseTimeout { get; set; }

        public async Task<ContainerEngineInfo> ExecuteAsync(string sessionKey, ICommandOutput output, CancellationToken cancellationToken)
        {
            TimeSpan? responseTimeout = ResponseTimeout is TimeSpan limit ? ResponseTimeoutArgument.Validate(limit) : (TimeSpan?)null;
            ContainerEngine engine = Choose(responseTimeout);
            output.WriteVerbose($"Connecting to {engine.Uri} ({engine.Source}); calls wait up to {engine.ResponseTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} seconds for an answer.");
            ContainerEngineInfo info = await EngineInfo.LoadAsync(engine, cancellationToken);
            EngineSession.SetDefault(sessionKey, engine);
            output.WriteObject(info);
            return info;
        }

        /// <param name="responseTimeout">Made with this response timeout when given (an engine object: the same engine with it).</param>
        private ContainerEngine Choose(TimeSpan? responseTimeout)
        {
            if (Context != null)
            {
                return _selector.FromContext(Context, responseTimeout);
            }

            if (HostName != null)
            {
                return _selector.FromHost(HostName, responseTimeout);
            }

            if (Uri == null)
            {
                if (CertificatePath != null)
                {
                    throw new InvalidParameterException(CertificatePathParameter, CertificatePath, "-CertificatePath goes with -Uri: name the engine's address too, for example tcp://host:2376.");
                }

                if (Engine == null)
                {
                    return _selector.FromEnvironment(responseTimeout);
                }

                return responseTimeout is TimeSpan chosen && chosen != Engine.ResponseTimeout ? EngineDirectory.WithResponseTimeout(Engine, chosen) : Engine;
            }

            if (SkipCertificateCheck && CertificatePath == null)
            {
                throw new InvalidParameterException("SkipCertificateCheck", true, "-SkipCertificateCheck goes with -CertificatePath: name the folder with the client certificate too.");
            }

            TlsSettings? tls = LoadTls();
            try
            {
                return _selector.FromAddress(Uri, tls, responseTimeout);
            }
            catch (InvalidParameterException e)
            {
                // The selector blames -Engine, its usual source of addresses; here the address came from -Uri.
                throw new InvalidParameterException("Uri", Uri, e.Reason);
            }
        }

        private TlsSettings? LoadTls()
        {
            if (CertificatePath == null)
            {
                return null;
            }

            try
            {
                return TlsSettings.LoadFromDirectory(CertificatePath, verifyServer: !SkipCertificateCheck);
            }
            catch (EngineConnectionException e)
            {
                // The folder is the caller's argument: blame the parameter, not the connection.
                throw new InvalidParameterException(CertificatePathParameter, CertificatePath, e.Message);
            }
        }
    }
}
