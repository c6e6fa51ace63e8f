using Containers.Engine.Configuration;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.Errors;
using Containers.Models;
using Containers.Provisioning.Store;
using Containers.Text;

namespace Containers.EngineSelection
{
    /// <summary>
    /// Decides which engine a command acts on: what -Engine names (an engine object, an address, a host of the host
    /// store, or a docker context, in that order: each host is also a docker context, and the store's record is the truth),
    /// else the session's default from Connect-ContainerEngine, else what the environment says, in the docker CLI's order
    /// (see <see cref="EndpointResolver"/>).
    /// </summary>
    /// <remarks>
    /// Errors: a bad address or context the caller named becomes an <see cref="InvalidParameterException"/> for
    /// "Engine" or "Context"; a bad setting of the environment (DOCKER_HOST, DOCKER_CONTEXT, config.json,
    /// DOCKER_API_VERSION, DOCKER_CERT_PATH) stays an <see cref="EngineConfigurationException"/>, which
    /// <see cref="ErrorClassifier"/> reports as EngineConfigurationInvalid and which stops the command.
    /// </remarks>
    public sealed class EngineSelector
    {
        private const string EngineParameter = "Engine";
        private const string ContextParameter = "Context";
        private const string HostNameParameter = "HostName";

        private readonly IEngineEnvironment _environment;

        public EngineSelector(IEngineEnvironment environment)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
            Resolver = new EndpointResolver(environment);
        }

        /// <summary>The host store names are looked up in: CONTAINERS_HOST_STORE, else the default folder, as this selector's environment says.</summary>
        public HostStore HostStore => new HostStore(environment: _environment);

        public static EngineSelector ForProcess { get; } = new EngineSelector(ProcessEnvironment.Instance);

        /// <summary>The resolution behind the choice, for listing contexts and the like.</summary>
        public EndpointResolver Resolver { get; }

        /// <summary>The engine for a command: the -Engine argument when given, else the session default, else the environment's.</summary>
        public ContainerEngine Select(object? engineArgument, string sessionKey) => Select(engineArgument, sessionKey, out _);

        /// <summary>As <see cref="Select(object?, string)"/>, saying why (for -Debug): which of the three chose, and how.</summary>
        public ContainerEngine Select(object? engineArgument, string sessionKey, out string reason)
        {
            ContainerEngine engine;
            if (engineArgument != null)
            {
                engine = FromArgument(engineArgument, sessionKey);
                reason = "-Engine (" + DescribeSource(engine) + ")";
            }
            else if (EngineSession.GetDefault(sessionKey) is ContainerEngine sessionEngine)
            {
                engine = sessionEngine;
                reason = "the session's engine from Connect-ContainerEngine (" + DescribeSource(engine) + ")";
            }
            else
            {
                engine = FromEnvironment();
                reason = DescribeSource(engine);
            }

            return engine;
        }

        /// <summary>What <see cref="ContainerEngine.Source"/> means, in words.</summary>
        public static string DescribeSource(ContainerEngine engine) => engine.Source switch
        {
            EngineSources.Parameter => "an address given",
            EngineSources.Context => $"the docker context '{engine.Name}'",
            HostEngines.Source => $"the host '{engine.Name}' of the host store",
            EngineSources.DockerHost => "DOCKER_HOST",
            EngineSources.DockerContext => $"DOCKER_CONTEXT, the docker context '{engine.Name}'",
            EngineSources.CurrentContext => $"the docker CLI's current context '{engine.Name}'",
            EngineSources.Default => "the platform default: no -Engine, Connect-ContainerEngine, DOCKER_HOST or docker context",
            _ => engine.Source,
        };

        /// <summary>DOCKER_HOST, DOCKER_CONTEXT, the current context, or the platform default.</summary>
        /// <param name="responseTimeout">The engine's response timeout (Connect-ContainerEngine -ResponseTimeout); null for the default.</param>
        public ContainerEngine FromEnvironment(TimeSpan? responseTimeout = null) => Get(() => Resolver.Resolve(null, null), EngineParameter, null, responseTimeout);

        /// <summary>
        /// An engine object as is (or the engine of a <see cref="ContainerEngineInfo"/>); a string as the name of the engine
        /// this session connected to, an address (it has :// or a port), a host of the host store or a docker context name.
        /// </summary>
        /// <param name="sessionKey">The PowerShell session whose Connect-ContainerEngine choice a name may refer to.</param>
        public ContainerEngine FromArgument(object argument, string? sessionKey = null)
        {
            switch (argument)
            {
                case ContainerEngine engine:
                    return engine;
                case ContainerEngineInfo info:
                    return info.Engine;
                case string text when text.Trim().Length > 0:
                    ContainerEngine? connected = sessionKey == null ? null : EngineSession.GetDefault(sessionKey);
                    if (connected != null && string.Equals(connected.Name, text, StringComparison.Ordinal))
                    {
                        return connected;
                    }

                    if (LooksLikeAddress(text))
                    {
                        return FromAddressName(text);
                    }

                    return TryFromHost(text, EngineParameter) ?? Get(() => Resolver.Resolve(null, text), EngineParameter, text);
                default:
                    throw new InvalidParameterException(EngineParameter, argument, $"The engine '{argument}' is neither a ContainerEngine object, an address such as unix:///var/run/docker.sock or tcp://host:2376, nor the name of a host or a docker context.");
            }
        }

        /// <summary>
        /// Every engine -Engine names, in order and each once: each argument as <see cref="FromArgument"/> takes it, and a name
        /// with wildcards (<c>web*</c>) as every host of the host store and docker context it matches (hosts first; a host's
        /// mirror context counts once, as the host). A pattern that matches nothing is refused: it is far likelier a typo
        /// than a wish to act on no engine at all.
        /// </summary>
        public IReadOnlyList<ContainerEngine> FromArguments(IEnumerable<object> arguments, string? sessionKey = null)
        {
            var engines = new List<ContainerEngine>();
            foreach (object argument in arguments)
            {
                IEnumerable<ContainerEngine> named = argument is string text && !LooksLikeAddress(text) && Wildcard.ContainsWildcard(text)
                    ? FromPattern(text)
                    : new[] { FromArgument(argument, sessionKey) };
                engines.AddRange(named.Where(engine => !engines.Contains(engine)).ToList());
            }

            return engines;
        }

        private IEnumerable<ContainerEngine> FromPattern(string pattern)
        {
            var wildcard = new Wildcard(pattern);
            List<string> hosts = HostStore.ListNames().Where(wildcard.IsMatch).ToList();
            List<string> contexts = Resolver.ListContexts().Select(context => context.Name)
                .Where(name => wildcard.IsMatch(name) && !hosts.Contains(name, StringComparer.Ordinal)).ToList();
            if (hosts.Count + contexts.Count == 0)
            {
                throw new InvalidParameterException(EngineParameter, pattern,
                    $"No host of the host store and no docker context matches '{pattern}'. Get-ContainerHost lists the hosts, and docker context ls the contexts.");
            }

            // A host removed between listing and reading is passed over, as if it had not been listed.
            return hosts.Select(host => TryFromHost(host, EngineParameter)).OfType<ContainerEngine>()
                .Concat(contexts.Select(context => Get(() => Resolver.Resolve(null, context), EngineParameter, context))).ToList();
        }

        /// <summary>An explicit address; TLS as <paramref name="tls"/> says when given, else as DOCKER_TLS_VERIFY, DOCKER_TLS and DOCKER_CERT_PATH say.</summary>
        public ContainerEngine FromAddress(string address, TlsSettings? tls, TimeSpan? responseTimeout = null) => Get(() => Resolver.Resolve(address, null, tls), EngineParameter, address, responseTimeout);

        /// <summary>A docker context by name, with its own endpoint and TLS files; "default" is the platform default.</summary>
        public ContainerEngine FromContext(string contextName, TimeSpan? responseTimeout = null) => Get(() => Resolver.Resolve(null, contextName), ContextParameter, contextName, responseTimeout);

        /// <summary>A host of the host store by name (Connect-ContainerEngine -HostName).</summary>
        /// <exception cref="InvalidParameterException">No such host, or its files cannot be used.</exception>
        public ContainerEngine FromHost(string hostName, TimeSpan? responseTimeout = null) =>
            TryFromHost(hostName, HostNameParameter, responseTimeout)
            ?? throw new InvalidParameterException(HostNameParameter, hostName, $"The host store '{HostStore.Root}' has no host named '{hostName}'. List the hosts with Get-ContainerHost.");

        private ContainerEngine? TryFromHost(string name, string parameterName, TimeSpan? responseTimeout = null)
        {
            HostStore store = HostStore;
            if (!store.Exists(name))
            {
                return null;
            }

            try
            {
                return HostEngines.For(store, store.Get(name), responseTimeout);
            }
            catch (HostStoreException e)
            {
                throw new InvalidParameterException(parameterName, name, e.Message);
            }
        }

        /// <summary>
        /// An address given as a string: resolved afresh, with DOCKER_TLS_VERIFY, DOCKER_TLS and DOCKER_CERT_PATH as they are
        /// now. Objects serialize their engine as its name (Export-Clixml, Export-Csv, job output), and an address read back
        /// carries no trust or response timeout of its own: when the environment gives it no TLS, the name reaches the one
        /// engine of the process reached at that address with TLS or a response timeout the caller gave
        /// (Connect-ContainerEngine -CertificatePath or -ResponseTimeout in any session). An
        /// engine once reached with other trust never answers for what the environment says now.
        /// </summary>
        private ContainerEngine FromAddressName(string address)
        {
            ContainerEngine fresh = Get(() => Resolver.Resolve(address, null), EngineParameter, address);
            return fresh.UsesTls ? fresh : EngineDirectory.FindSingle(fresh.Name, EngineSources.Parameter) ?? fresh;
        }

        private static ContainerEngine Get(Func<ResolvedEngine> resolve, string parameterName, string? argument, TimeSpan? responseTimeout = null)
        {
            ResolvedEngine resolved;
            try
            {
                resolved = resolve();
            }
            catch (EngineConfigurationException e) when (e.Origin == EngineSources.Parameter || e.Origin == EngineSources.Context)
            {
                // The caller's own argument is at fault: blame the parameter. Environment errors keep their own type.
                throw new InvalidParameterException(parameterName, argument, e.Message);
            }

            return EngineDirectory.Get(resolved.Endpoint, resolved.Tls, resolved.PinnedApiVersion, resolved.ContextName ?? resolved.Endpoint.ToString(), resolved.Source, chosenByCaller: resolved.TlsGiven || responseTimeout.HasValue, responseTimeout);
        }

        private static bool LooksLikeAddress(string text) =>
            text.IndexOf("://", StringComparison.Ordinal) >= 0
            || (text.IndexOf(':') > 0 && EngineEndpoint.TryParse(text, out _, out _));
    }
}
