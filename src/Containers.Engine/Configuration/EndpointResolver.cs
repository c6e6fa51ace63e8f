using System.Globalization;
using Containers.Engine.Errors;
using Containers.Engine.Tls;
using Containers.Engine.Transport;

namespace Containers.Engine.Configuration
{
    /// <summary>
    /// Decides which engine to talk to, in the docker CLI's order: an explicit address, an explicit context,
    /// DOCKER_HOST, DOCKER_CONTEXT, config.json's currentContext, the platform default. Everything is read afresh on
    /// each call, because the environment and the files may change between commands.
    /// </summary>
    /// <remarks>
    /// TLS for an address (explicit or DOCKER_HOST) comes from the environment: on when DOCKER_TLS_VERIFY or DOCKER_TLS
    /// is non-empty, verifying the engine only with DOCKER_TLS_VERIFY, files from DOCKER_CERT_PATH (default: the docker
    /// configuration folder). A context brings its own TLS and ignores those variables. TLS applies to tcp:// only, so
    /// DOCKER_TLS_VERIFY with a unix:// host does not turn it on. DOCKER_API_VERSION pins the API version whatever the
    /// source. Every error is an <see cref="EngineConfigurationException"/> whose Origin names the setting at fault.
    /// </remarks>
    public sealed class EndpointResolver
    {
        private readonly IEngineEnvironment _environment;

        public EndpointResolver(IEngineEnvironment environment)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        }

        /// <summary>The configuration folder the environment names now: DOCKER_CONFIG, else ~/.docker.</summary>
        public DockerConfigDirectory ConfigDirectory => DockerConfigDirectory.FromEnvironment(_environment);

        public DockerContextStore ContextStore => new DockerContextStore(ConfigDirectory);

        /// <param name="explicitAddress">An address the caller gave; wins over everything.</param>
        /// <param name="explicitContext">A context name the caller gave; wins over the environment.</param>
        /// <param name="explicitTls">TLS the caller gave for <paramref name="explicitAddress"/>; wins over the TLS variables, which are then not read.</param>
        /// <exception cref="EngineConfigurationException">A setting is wrong; the message says which and how to fix it.</exception>
        public ResolvedEngine Resolve(string? explicitAddress, string? explicitContext, TlsSettings? explicitTls = null)
        {
            Version? pinned = ReadPinnedApiVersion();

            if (!string.IsNullOrWhiteSpace(explicitAddress))
            {
                return FromAddress(explicitAddress!, EngineSources.Parameter, explicitTls, pinned);
            }

            if (!string.IsNullOrWhiteSpace(explicitContext))
            {
                return FromContext(explicitContext!.Trim(), EngineSources.Context, pinned);
            }

            string? host = _environment.GetVariable(EngineVariables.DockerHost);
            if (!string.IsNullOrEmpty(host))
            {
                return FromAddress(host!, EngineSources.DockerHost, null, pinned);
            }

            string? context = _environment.GetVariable(EngineVariables.DockerContext);
            if (!string.IsNullOrEmpty(context))
            {
                return FromContext(context!, EngineSources.DockerContext, pinned);
            }

            string? current = ConfigDirectory.ReadCurrentContext();
            if (current != null)
            {
                return FromContext(current, EngineSources.CurrentContext, pinned);
            }

            return new ResolvedEngine(EngineEndpoint.PlatformDefault, null, null, EngineSources.Default, pinned);
        }

        /// <summary>
        /// The context the docker CLI calls current, without an explicit choice: "default" when DOCKER_HOST is set, else
        /// DOCKER_CONTEXT, else config.json's currentContext, else "default".
        /// </summary>
        public string CurrentContextName()
        {
            if (!string.IsNullOrEmpty(_environment.GetVariable(EngineVariables.DockerHost)))
            {
                return DockerContextStore.DefaultContextName;
            }

            string? context = _environment.GetVariable(EngineVariables.DockerContext);
            if (!string.IsNullOrEmpty(context))
            {
                return context!;
            }

            return ConfigDirectory.ReadCurrentContext() ?? DockerContextStore.DefaultContextName;
        }

        /// <summary>Every context, "default" included, with the current one marked, as <c>docker context ls</c> shows them.</summary>
        public IReadOnlyList<DockerContext> ListContexts() => ContextStore.List(CurrentContextName());

        private ResolvedEngine FromAddress(string address, string source, TlsSettings? explicitTls, Version? pinned)
        {
            EngineEndpoint endpoint = ParseAddress(address, source);
            TlsSettings? tls = endpoint.Kind != EngineEndpointKind.Tcp ? null : explicitTls ?? TlsFromEnvironment();
            return new ResolvedEngine(endpoint, tls, null, source, pinned, tlsGiven: tls != null && tls == explicitTls);
        }

        private ResolvedEngine FromContext(string name, string source, Version? pinned)
        {
            DockerContextStore store = ContextStore;
            DockerContext context = store.Get(name, source);
            if (context.IsDefault)
            {
                return new ResolvedEngine(EngineEndpoint.PlatformDefault, null, context.Name, source, pinned);
            }

            if (context.Host == null)
            {
                throw new EngineConfigurationException(source, $"The docker context '{name}' has no docker endpoint ('{context.MetaFilePath}'). Give it one with `docker context update {name} --docker host=ADDRESS`.");
            }

            // An endpoint without a host is the platform default, as it is for the docker CLI's client.
            EngineEndpoint endpoint;
            if (context.Host.Length == 0)
            {
                endpoint = EngineEndpoint.PlatformDefault;
            }
            else if (!EngineEndpoint.TryParse(context.Host, out EngineEndpoint? parsed, out string? problem))
            {
                throw new EngineConfigurationException(source, $"The docker context '{name}' cannot be used: {problem}");
            }
            else
            {
                endpoint = parsed!;
            }

            TlsSettings? tls = endpoint.Kind == EngineEndpointKind.Tcp ? DockerContextStore.LoadTls(context, source) : null;
            return new ResolvedEngine(endpoint, tls, context.Name, source, pinned);
        }

        private static EngineEndpoint ParseAddress(string address, string source)
        {
            if (EngineEndpoint.TryParse(address, out EngineEndpoint? endpoint, out string? problem))
            {
                return endpoint!;
            }

            string message = source == EngineSources.DockerHost ? $"DOCKER_HOST cannot be used: {problem} Correct or remove DOCKER_HOST." : problem!;
            throw new EngineConfigurationException(source, message);
        }

        /// <summary>TLS as the environment configures it for an address; null when it is off.</summary>
        private TlsSettings? TlsFromEnvironment()
        {
            bool verify = !string.IsNullOrEmpty(_environment.GetVariable(EngineVariables.DockerTlsVerify));
            bool enabled = verify || !string.IsNullOrEmpty(_environment.GetVariable(EngineVariables.DockerTls));
            if (!enabled)
            {
                return null;
            }

            string? certPath = _environment.GetVariable(EngineVariables.DockerCertPath);
            bool fromVariable = !string.IsNullOrEmpty(certPath);
            string directory = fromVariable ? certPath! : ConfigDirectory.Path;
            try
            {
                return TlsSettings.LoadFromDirectory(directory, verify);
            }
            catch (EngineConnectionException e)
            {
                string why = verify ? "DOCKER_TLS_VERIFY is set" : "DOCKER_TLS is set";
                string where = fromVariable ? "DOCKER_CERT_PATH" : "the docker configuration folder (DOCKER_CERT_PATH is not set)";
                throw new EngineConfigurationException(EngineVariables.DockerCertPath, $"{why}, so TLS files are read from {where}, but they cannot be used: {e.Message}", e);
            }
        }

        /// <summary>DOCKER_API_VERSION as MAJOR.MINOR (a leading "v" is allowed, as the docker client allows it); null when unset.</summary>
        private Version? ReadPinnedApiVersion()
        {
            string? text = _environment.GetVariable(EngineVariables.DockerApiVersion);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            string value = text!.Trim();
            string digits = value.StartsWith("v", StringComparison.OrdinalIgnoreCase) ? value.Substring(1) : value;
            string[] parts = digits.Split('.');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
            {
                return new Version(major, minor);
            }

            throw new EngineConfigurationException(EngineVariables.DockerApiVersion,
                $"DOCKER_API_VERSION is '{text}', which is not an API version such as 1.41. Correct it, or remove it to let the client negotiate the version with the engine.");
        }
    }
}
