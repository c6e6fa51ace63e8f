using System;
using Containers.Engine.Transport;
using Containers.Errors;
using Containers.Models;

namespace Containers.Engines
{
    /// <summary>
    /// Decides which engine a command acts on: what -Engine names (an engine object, an address, or a docker context),
    /// else the session's default from Connect-ContainerEngine, else what the environment says, in the docker CLI's order.
    /// </summary>
    public sealed class EngineSelector
    {
        public static EngineSelector ForProcess { get; } = new EngineSelector();

        /// <summary>The engine for a command: the -Engine argument when given, else the session default, else the environment's.</summary>
        public ContainerEngine Select(object? engineArgument, string sessionKey)
        {
            if (engineArgument != null)
            {
                return FromArgument(engineArgument);
            }

            return EngineSession.GetDefault(sessionKey) ?? FromEnvironment();
        }

        /// <summary>DOCKER_HOST, DOCKER_CONTEXT, the current context, or the platform default.</summary>
        public ContainerEngine FromEnvironment() => FromResolved(Resolve(null, null), null);

        /// <summary>An engine object as is; a string as an address (it has :// or a port) or a docker context name.</summary>
        public ContainerEngine FromArgument(object argument)
        {
            switch (argument)
            {
                case ContainerEngine engine:
                    return engine;
                case string text when text.Trim().Length > 0:
                    return LooksLikeAddress(text) ? FromAddress(text, null) : FromContext(text);
                default:
                    throw new InvalidParameterException("Engine", argument, $"The engine '{argument}' is neither a ContainerEngine object, an address such as unix:///var/run/docker.sock or tcp://host:2376, nor the name of a docker context.");
            }
        }

        /// <summary>An explicit address; TLS as <paramref name="tls"/> says when given, else as DOCKER_TLS_VERIFY and DOCKER_CERT_PATH say.</summary>
        public ContainerEngine FromAddress(string address, Engine.Tls.TlsSettings? tls) => FromResolved(Resolve(address, null), tls);

        public ContainerEngine FromContext(string contextName) => FromResolved(Resolve(null, contextName), null);

        // PENDING: replaced by Configuration.EndpointResolver (contexts, TLS from the environment) as soon as it lands.
        private (EngineEndpoint Endpoint, string? Context, string Source) Resolve(string? address, string? context)
        {
            try
            {
                if (address != null)
                {
                    return (EngineEndpoint.Parse(address), null, "parameter");
                }

                string? host = Environment.GetEnvironmentVariable("DOCKER_HOST");
                return string.IsNullOrEmpty(host) ? (EngineEndpoint.PlatformDefault, null, "default") : (EngineEndpoint.Parse(host!), null, "DOCKER_HOST");
            }
            catch (ArgumentException e) when (!(e is InvalidParameterException))
            {
                throw new InvalidParameterException("Engine", address ?? context, e.Message);
            }
        }

        private static ContainerEngine FromResolved((EngineEndpoint Endpoint, string? Context, string Source) resolved, Engine.Tls.TlsSettings? tls) =>
            EngineDirectory.Get(resolved.Endpoint, tls, null, resolved.Context ?? resolved.Endpoint.ToString(), resolved.Source);

        private static bool LooksLikeAddress(string text) =>
            text.IndexOf("://", StringComparison.Ordinal) >= 0
            || (text.IndexOf(':') > 0 && EngineEndpoint.TryParse(text, out _, out _));
    }
}
