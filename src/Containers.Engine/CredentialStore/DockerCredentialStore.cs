using System.Text.Json;
using System.Text.Json.Nodes;
using Containers.Engine.Configuration;
using Containers.Engine.Credentials;
using Containers.Engine.Files;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// Registry logins kept where the docker CLI keeps them, so one login serves both tools: <c>$DOCKER_CONFIG/config.json</c>
    /// (default <c>~/.docker</c>) and the credential helpers it names. For a registry, <c>credHelpers[key]</c> decides
    /// first, then <c>credsStore</c>, then (when config.json configures nothing at all) the platform's default helper if it
    /// is installed; without a helper the login sits in <c>auths[key]</c>. As in the CLI, a registry sent to a helper is
    /// looked up there alone, and DOCKER_AUTH_CONFIG, when set, is consulted before everything.
    /// </summary>
    public sealed class DockerCredentialStore
    {
        private readonly IEngineEnvironment _environment;

        public DockerCredentialStore(DockerConfigDirectory configDirectory, IEngineEnvironment environment, TimeSpan? helperTimeout = null)
        {
            ConfigDirectory = configDirectory ?? throw new ArgumentNullException(nameof(configDirectory));
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
            HelperTimeout = helperTimeout ?? CredentialHelper.DefaultTimeout;
        }

        /// <summary>The store the docker CLI would use in this environment: DOCKER_CONFIG, else ~/.docker.</summary>
        public static DockerCredentialStore FromEnvironment(IEngineEnvironment environment, TimeSpan? helperTimeout = null) =>
            new DockerCredentialStore(DockerConfigDirectory.FromEnvironment(environment), environment, helperTimeout);

        public DockerConfigDirectory ConfigDirectory { get; }

        public string ConfigFilePath => ConfigDirectory.ConfigFilePath;

        /// <summary>How long one run of a credential helper may take before it is killed.</summary>
        public TimeSpan HelperTimeout { get; }

        /// <summary>The helper that holds, or would hold, the registry's login (<c>pass</c>); null when it lives in config.json itself.</summary>
        /// <exception cref="CredentialStoreException">config.json cannot be read.</exception>
        public string? GetHelperName(string registry) => ChooseHelper(Load(), RegistryServerAddress.Normalize(registry))?.Name;

        /// <summary>The login for a registry (host, <c>docker.io</c> or URL); null when there is none.</summary>
        /// <exception cref="CredentialStoreException">config.json cannot be read, or the helper it names is missing, fails or hangs.</exception>
        public async Task<RegistryCredential?> GetAsync(string registry, CancellationToken cancellationToken = default)
        {
            string key = RegistryServerAddress.Normalize(registry);
            foreach (KeyValuePair<string, RegistryCredential?> entry in EnvironmentAuthConfig.Read(_environment))
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            DockerConfigFile config = Load();
            HelperChoice? helper = ChooseHelper(config, key);
            if (helper != null)
            {
                return await FindHelper(helper, config).GetAsync(key, cancellationToken).ConfigureAwait(false);
            }

            KeyValuePair<string, JsonElement>? found = config.FindAuth(key);
            return found == null ? null : AuthConfigEntry.Read(found.Value.Value, found.Value.Key, config.Path);
        }

        /// <summary>
        /// Saves the login: to the helper when one applies (leaving an empty <c>auths</c> entry, as the CLI does), otherwise
        /// into <c>auths</c> as base64 <c>auth</c> (or <c>identitytoken</c>). Only <c>auths</c> (and <c>credsStore</c>, when
        /// the platform's default helper was chosen) change in config.json; it is replaced atomically and left owner-only.
        /// </summary>
        /// <exception cref="CredentialStoreException">config.json cannot be read or written, or the helper fails.</exception>
        public async Task StoreAsync(string registry, RegistryCredential credential, CancellationToken cancellationToken = default)
        {
            if (credential == null)
            {
                throw new ArgumentNullException(nameof(credential));
            }

            string key = RegistryServerAddress.Normalize(registry);
            DockerConfigFile config = Load();
            HelperChoice? helper = ChooseHelper(config, key);
            if (helper != null)
            {
                await FindHelper(helper, config).StoreAsync(key, credential, cancellationToken).ConfigureAwait(false);
            }

            UpdateAuths(config, auths => PutEntry(auths, key, helper == null ? credential : null), helper != null && helper.IsPlatformDefault ? helper.Name : null);
        }

        /// <summary>
        /// Removes the registry's login from its helper and from <c>auths</c> (with any entry an older tool wrote as a URL
        /// of the same host). Returns false when there was nothing to remove. DOCKER_AUTH_CONFIG cannot be changed from here.
        /// </summary>
        /// <exception cref="CredentialStoreException">config.json cannot be read or written, or the helper fails.</exception>
        public async Task<bool> EraseAsync(string registry, CancellationToken cancellationToken = default)
        {
            string key = RegistryServerAddress.Normalize(registry);
            DockerConfigFile config = Load();
            HelperChoice? helper = ChooseHelper(config, key);
            bool erased = helper != null && await FindHelper(helper, config).EraseAsync(key, cancellationToken).ConfigureAwait(false);

            UpdateAuths(config, auths =>
            {
                List<string> matching = auths
                    .Where(entry => entry.Key == key || RegistryServerAddress.ToHostname(entry.Key) == key)
                    .Select(entry => entry.Key)
                    .ToList();
                foreach (string match in matching)
                {
                    JsonElement? removed = config.Auths.Where(entry => entry.Key == match).Select(entry => (JsonElement?)entry.Value).FirstOrDefault();
                    erased |= removed.HasValue && AuthConfigEntry.HasCredentialFields(removed.Value);
                    auths.Remove(match);
                }

                return matching.Count > 0;
            },
            null);
            return erased;
        }

        /// <summary>
        /// Every registry with a stored login, as the CLI gathers them: the default helper's list (or config.json's
        /// <c>auths</c> when there is none), then each <c>credHelpers</c> registry its own helper holds a login for, then
        /// DOCKER_AUTH_CONFIG. Sorted by registry.
        /// </summary>
        /// <exception cref="CredentialStoreException">config.json cannot be read, or a helper it names is missing, fails or hangs.</exception>
        public async Task<IReadOnlyList<StoredCredential>> ListAsync(CancellationToken cancellationToken = default)
        {
            DockerConfigFile config = Load();
            var found = new Dictionary<string, StoredCredential>(StringComparer.Ordinal);

            HelperChoice? defaultHelper = ChooseHelper(config, null);
            if (defaultHelper != null)
            {
                IReadOnlyDictionary<string, string> listed = await FindHelper(defaultHelper, config).ListAsync(cancellationToken).ConfigureAwait(false);
                foreach (KeyValuePair<string, string> server in listed)
                {
                    found[server.Key] = new StoredCredential(server.Key, server.Value, CredentialLocation.Helper, defaultHelper.Name);
                }
            }
            else
            {
                foreach (KeyValuePair<string, JsonElement> entry in config.Auths)
                {
                    RegistryCredential? credential = AuthConfigEntry.Read(entry.Value, entry.Key, config.Path);
                    if (credential != null)
                    {
                        found[entry.Key] = new StoredCredential(entry.Key, credential.UserName, CredentialLocation.ConfigFile, null);
                    }
                }
            }

            foreach (KeyValuePair<string, string> specific in config.CredentialHelpers)
            {
                HelperChoice? helper = ChooseHelper(config, specific.Key);
                RegistryCredential? credential;
                if (helper != null)
                {
                    credential = await FindHelper(helper, config).GetAsync(specific.Key, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    KeyValuePair<string, JsonElement>? entry = config.FindAuth(specific.Key);
                    credential = entry == null ? null : AuthConfigEntry.Read(entry.Value.Value, entry.Value.Key, config.Path);
                }

                found.Remove(specific.Key);
                if (credential != null)
                {
                    found[specific.Key] = new StoredCredential(specific.Key, credential.UserName, helper == null ? CredentialLocation.ConfigFile : CredentialLocation.Helper, helper?.Name);
                }
            }

            foreach (KeyValuePair<string, RegistryCredential?> entry in EnvironmentAuthConfig.Read(_environment))
            {
                found.Remove(entry.Key);
                if (entry.Value != null)
                {
                    found[entry.Key] = new StoredCredential(entry.Key, entry.Value.UserName, CredentialLocation.EnvironmentVariable, null);
                }
            }

            return found.Values
                .OrderBy(stored => stored.Registry, StringComparer.OrdinalIgnoreCase)
                .ThenBy(stored => stored.ServerAddress, StringComparer.Ordinal)
                .ToList();
        }

        private DockerConfigFile Load() => DockerConfigFile.Load(ConfigFilePath);

        /// <summary>The CLI's getConfiguredCredentialStore, plus its DetectDefaultStore for a config.json that configures nothing.</summary>
        private HelperChoice? ChooseHelper(DockerConfigFile config, string? key)
        {
            if (key != null && config.TryGetCredentialHelper(key, out string specific))
            {
                // An empty name is the CLI's way to keep one registry in config.json despite a credsStore.
                return specific.Length == 0 ? null : new HelperChoice(specific, $"credHelpers[\"{key}\"] in '{config.Path}'", false);
            }

            if (config.CredentialsStore != null)
            {
                return new HelperChoice(config.CredentialsStore, $"credsStore in '{config.Path}'", false);
            }

            if (!config.ContainsAuth)
            {
                string? detected = PlatformCredentialHelper.Detect(_environment);
                if (detected != null)
                {
                    return new HelperChoice(detected, $"the platform's default credential store (used when '{config.Path}' configures none)", true);
                }
            }

            return null;
        }

        private CredentialHelper FindHelper(HelperChoice choice, DockerConfigFile config) =>
            CredentialHelper.Find(choice.Name, _environment, choice.ConfiguredBy, config.Path, HelperTimeout);

        /// <summary>Sets <c>auths[key]</c> to hold the credential (or, with null, no credential), adding it where the CLI's sorted output would have it.</summary>
        private static bool PutEntry(JsonObject auths, string key, RegistryCredential? credential)
        {
            if (auths[key] is JsonObject existing)
            {
                return AuthConfigEntry.Write(existing, credential);
            }

            var entry = new JsonObject();
            AuthConfigEntry.Write(entry, credential);
            if (auths.ContainsKey(key))
            {
                auths[key] = entry;
                return true;
            }

            List<KeyValuePair<string, JsonNode?>> after = auths.Where(other => string.CompareOrdinal(other.Key, key) > 0).ToList();
            foreach (KeyValuePair<string, JsonNode?> other in after)
            {
                auths.Remove(other.Key);
            }

            auths[key] = entry;
            foreach (KeyValuePair<string, JsonNode?> other in after)
            {
                auths[other.Key] = other.Value;
            }

            return true;
        }

        /// <summary>Applies a change to <c>auths</c> and writes config.json when something changed, every other byte kept.</summary>
        private static void UpdateAuths(DockerConfigFile config, Func<JsonObject, bool> change, string? credentialsStore)
        {
            JsonObject auths = ReadAuths(config);
            if (!change(auths) && credentialsStore == null)
            {
                return;
            }

            byte[] content = TopLevelProperty.Set(config.Content, DockerConfigFile.AuthsProperty, auths, addFirst: true);
            if (credentialsStore != null)
            {
                content = TopLevelProperty.Set(content, DockerConfigFile.CredentialsStoreProperty, JsonValue.Create(credentialsStore)!, addFirst: false);
            }

            try
            {
                AtomicFile.Write(config.Path, content);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CredentialStoreException($"The docker configuration file '{config.Path}' cannot be written: {e.Message}", config.Path, e);
            }
        }

        private static JsonObject ReadAuths(DockerConfigFile config)
        {
            if (config.Root == null
                || !GoJson.TryGetProperty(config.Root.Value, DockerConfigFile.AuthsProperty, out JsonElement auths)
                || auths.ValueKind != JsonValueKind.Object)
            {
                return new JsonObject();
            }

            try
            {
                JsonObject editable = JsonNode.Parse(auths.GetRawText())!.AsObject();
                _ = editable.Count; // JsonObject reads its properties lazily; make a duplicate key fail here
                return editable;
            }
            catch (ArgumentException e)
            {
                // System.Text.Json 8 refuses an object that names a key twice, which Go tolerates (the last one wins).
                throw new CredentialStoreException($"The docker configuration file '{config.Path}' cannot be updated: \"auths\" names a registry twice. Remove one of them.", config.Path, e);
            }
        }
    }
}
