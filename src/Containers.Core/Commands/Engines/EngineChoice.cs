using Containers.Engine.Tls;
using Containers.EngineSelection;
using Containers.EngineSelection.Certificates;
using Containers.Errors;
using Containers.Models;

namespace Containers.Commands.Engines
{
    /// <summary>
    /// The engine New-ContainerEngine and Connect-ContainerEngine name: an address with its TLS, a docker context, a host
    /// of the host store, an engine object (-Engine), or else the environment's choice.
    /// </summary>
    public abstract class EngineChoice
    {
        protected EngineChoice(EngineSelector selector)
        {
            Selector = selector ?? throw new ArgumentNullException(nameof(selector));
        }

        protected EngineSelector Selector { get; }

        /// <summary>An address: unix://, npipe://, tcp://, ssh:// or host:port.</summary>
        public string? Uri { get; set; }

        /// <summary>A docker context by name.</summary>
        public string? Context { get; set; }

        /// <summary>A host of the host store by name (New-ContainerHost made it).</summary>
        public string? HostName { get; set; }

        /// <summary>An engine object (what -Engine was given), used when neither <see cref="Uri"/> nor <see cref="Context"/> is.</summary>
        public ContainerEngine? Engine { get; set; }

        /// <summary>TLS for <see cref="Uri"/>; contexts and hosts bring their own.</summary>
        public EngineTlsOptions Tls { get; } = new EngineTlsOptions();

        /// <summary>How long the engine's ordinary calls wait for an answer; null keeps the engine's own (30 seconds unless set before).</summary>
        public TimeSpan? ResponseTimeout { get; set; }

        /// <exception cref="InvalidParameterException">A value that names no engine, or TLS material that cannot be used.</exception>
        protected ContainerEngine Choose()
        {
            TimeSpan? responseTimeout = ResponseTimeout is TimeSpan limit ? ResponseTimeoutArgument.Validate(limit) : (TimeSpan?)null;
            if (Context != null)
            {
                return Selector.FromContext(Context, responseTimeout);
            }

            if (HostName != null)
            {
                return Selector.FromHost(HostName, responseTimeout);
            }

            if (Uri == null)
            {
                if (Tls.FirstGiven is string tlsParameter)
                {
                    throw new InvalidParameterException(tlsParameter, null, $"-{tlsParameter} goes with -Uri: name the engine's address too, for example tcp://host:2376.");
                }

                if (Engine == null)
                {
                    return Selector.FromEnvironment(responseTimeout);
                }

                return responseTimeout is TimeSpan chosen && chosen != Engine.ResponseTimeout ? EngineDirectory.WithResponseTimeout(Engine, chosen) : Engine;
            }

            TlsSettings? tls = Tls.ToSettings();
            try
            {
                return Selector.FromAddress(Uri, tls, responseTimeout);
            }
            catch (InvalidParameterException e)
            {
                // The selector blames -Engine, its usual source of addresses; here the address came from -Uri.
                throw new InvalidParameterException("Uri", Uri, e.Reason);
            }
        }
    }
}
