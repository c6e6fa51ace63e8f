using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Containers.Engine.Configuration;
using Containers.Engine.Credentials;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// A docker credential helper: the program <c>docker-credential-NAME</c>, run once per operation with the action
    /// (<c>get</c>, <c>store</c>, <c>erase</c>, <c>list</c>) as its argument and the server address (or, to store, a JSON
    /// object) on its standard input, answering on standard output; an error is a non-zero exit with the message on
    /// standard output. This is the protocol of docker/docker-credential-helpers, which every helper implements.
    /// </summary>
    public sealed class CredentialHelper
    {
        public const string ProgramPrefix = "docker-credential-";

        /// <summary>The answer of <c>get</c> (and of <c>erase</c>, in some helpers) when the helper has nothing for the server: not an error.</summary>
        public const string CredentialsNotFoundMessage = "credentials not found in native keychain";

        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        private const int MaxQuotedOutput = 1000;

        private CredentialHelper(string name, string programPath, string configuredBy, string? configFile, TimeSpan timeout)
        {
            Name = name;
            ProgramPath = programPath;
            ConfiguredBy = configuredBy;
            ConfigFile = configFile;
            Timeout = timeout;
        }

        /// <summary>The helper's name as config.json gives it: <c>pass</c> for <c>docker-credential-pass</c>.</summary>
        public string Name { get; }

        public string ProgramName => ProgramPrefix + Name;

        /// <summary>Where the program was found on the PATH.</summary>
        public string ProgramPath { get; }

        /// <summary>The setting that chose this helper, for messages: <c>credsStore in /home/me/.docker/config.json</c>.</summary>
        public string ConfiguredBy { get; }

        public string? ConfigFile { get; }

        /// <summary>How long one run may take before the helper is killed.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>Finds <c>docker-credential-NAME</c> on the environment's PATH.</summary>
        /// <param name="configuredBy">The setting that asked for this helper, named in every error.</param>
        /// <param name="configFile">The config.json holding that setting, if any.</param>
        /// <exception cref="CredentialHelperException">No such program on the PATH (<see cref="CredentialHelperFailure.NotInstalled"/>); the message names the program and the setting.</exception>
        public static CredentialHelper Find(string name, IEngineEnvironment environment, string configuredBy, string? configFile = null, TimeSpan? timeout = null)
        {
            if (environment == null)
            {
                throw new ArgumentNullException(nameof(environment));
            }

            string program = ProgramPrefix + name;
            if (string.IsNullOrEmpty(name) || name.IndexOfAny(new[] { '/', '\\', ':' }) >= 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new CredentialHelperException(
                    $"'{name}' is not a credential helper name ({configuredBy} names it); a helper is named by the part after '{ProgramPrefix}', such as 'pass' or 'desktop'.",
                    name, CredentialHelperFailure.NotInstalled, configFile);
            }

            string? found = ProgramSearch.Find(program, environment);
            if (found == null)
            {
                throw new CredentialHelperException(
                    $"The credential helper '{program}' is not on the PATH; {configuredBy} asks for it. Install it, or change that setting.",
                    name, CredentialHelperFailure.NotInstalled, configFile);
            }

            return new CredentialHelper(name, found, configuredBy, configFile, timeout ?? DefaultTimeout);
        }

        /// <summary>The credential the helper holds for the server; null when it holds none.</summary>
        public async Task<RegistryCredential?> GetAsync(string serverAddress, CancellationToken cancellationToken = default)
        {
            HelperProcessResult result = await RunAsync("get", Encoding.UTF8.GetBytes(serverAddress), serverAddress, null, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                if (IsNotFound(result))
                {
                    return null;
                }

                throw Failed("get the credentials for '" + serverAddress + "'", result, null);
            }

            string? userName;
            string? secret;
            try
            {
                using JsonDocument answer = JsonDocument.Parse(result.Output);
                if (answer.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"it is {GoJson.Describe(answer.RootElement.ValueKind)}, not an object.");
                }

                userName = GoJson.GetString(answer.RootElement, "Username");
                secret = GoJson.GetString(answer.RootElement, "Secret");
            }
            catch (Exception e) when (e is JsonException || e is FormatException)
            {
                // Not the output itself: a helper that answers garbage may well have printed the secret in it.
                throw new CredentialHelperException(
                    $"The credential helper '{ProgramName}' ({ConfiguredBy}) answered 'get' for '{serverAddress}' with something other than the credentials JSON: {e.Message}",
                    Name, CredentialHelperFailure.InvalidAnswer, ConfigFile, e);
            }

            if (string.IsNullOrEmpty(userName) && string.IsNullOrEmpty(secret))
            {
                return null;
            }

            if (userName == RegistryCredential.IdentityTokenUserName)
            {
                return string.IsNullOrEmpty(secret) ? null : RegistryCredential.FromIdentityToken(secret!);
            }

            if (string.IsNullOrEmpty(userName) || userName!.IndexOf(':') >= 0)
            {
                throw new CredentialHelperException(
                    $"The credential helper '{ProgramName}' ({ConfiguredBy}) answered 'get' for '{serverAddress}' with {(string.IsNullOrEmpty(userName) ? "no user name" : "a user name holding ':'")}.",
                    Name, CredentialHelperFailure.InvalidAnswer, ConfigFile);
            }

            return new RegistryCredential(userName, secret ?? string.Empty);
        }

        /// <summary>Stores the credential for the server, replacing what the helper held for it.</summary>
        public async Task StoreAsync(string serverAddress, RegistryCredential credential, CancellationToken cancellationToken = default)
        {
            if (credential == null)
            {
                throw new ArgumentNullException(nameof(credential));
            }

            HelperProcessResult result = await RunAsync("store", EncodeStoreInput(serverAddress, credential), serverAddress, credential.Secret, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw Failed("store the credentials for '" + serverAddress + "'", result, credential.Secret);
            }
        }

        /// <summary>Removes the server's credential; false when the helper held none.</summary>
        public async Task<bool> EraseAsync(string serverAddress, CancellationToken cancellationToken = default)
        {
            HelperProcessResult result = await RunAsync("erase", Encoding.UTF8.GetBytes(serverAddress), serverAddress, null, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return true;
            }

            if (IsNotFound(result))
            {
                return false;
            }

            throw Failed("erase the credentials for '" + serverAddress + "'", result, null);
        }

        /// <summary>Every server the helper holds docker credentials for, with its user name (<c>&lt;token&gt;</c> for an identity token).</summary>
        public async Task<IReadOnlyDictionary<string, string>> ListAsync(CancellationToken cancellationToken = default)
        {
            // The protocol sends something on stdin for every action; the docker CLI sends "unused" to list.
            HelperProcessResult result = await RunAsync("list", Encoding.UTF8.GetBytes("unused"), null, null, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw Failed("list its credentials", result, null);
            }

            var servers = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                using JsonDocument answer = JsonDocument.Parse(result.Output.Trim().Length == 0 ? "{}" : result.Output);
                if (answer.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"it is {GoJson.Describe(answer.RootElement.ValueKind)}, not an object.");
                }

                foreach (JsonProperty server in answer.RootElement.EnumerateObject())
                {
                    servers[server.Name] = server.Value.ValueKind == JsonValueKind.String ? server.Value.GetString() ?? string.Empty : string.Empty;
                }
            }
            catch (Exception e) when (e is JsonException || e is FormatException)
            {
                throw new CredentialHelperException(
                    $"The credential helper '{ProgramName}' ({ConfiguredBy}) answered 'list' with something other than a JSON object of servers and user names: {e.Message}",
                    Name, CredentialHelperFailure.InvalidAnswer, ConfigFile, e);
            }

            return servers;
        }

        public override string ToString() => ProgramName;

        /// <summary>The JSON the docker CLI sends to <c>store</c>, field names and all (helpers decode them as Go does).</summary>
        private static byte[] EncodeStoreInput(string serverAddress, RegistryCredential credential)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("ServerURL", serverAddress);
                writer.WriteString("Username", credential.UserName);
                writer.WriteString("Secret", credential.Secret);
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        private static bool IsNotFound(HelperProcessResult result) =>
            string.Equals(result.Output.Trim(), CredentialsNotFoundMessage, StringComparison.Ordinal);

        private async Task<HelperProcessResult> RunAsync(string action, byte[] input, string? serverAddress, string? secret, CancellationToken cancellationToken)
        {
            string forServer = serverAddress == null ? string.Empty : " for '" + serverAddress + "'";
            try
            {
                return await HelperProcess.RunAsync(ProgramPath, action, input, Timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                throw new CredentialHelperException(
                    $"The credential helper '{ProgramName}' ({ConfiguredBy}) did not finish '{action}'{forServer} within {Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and was stopped. It may be waiting for a keychain to be unlocked or a prompt to be answered; check it by running '{ProgramName} list'.",
                    Name, CredentialHelperFailure.TimedOut, ConfigFile, e);
            }
            catch (Exception e) when (e is Win32Exception || e is InvalidOperationException || e is IOException || e is UnauthorizedAccessException)
            {
                throw new CredentialHelperException(
                    $"The credential helper '{ProgramName}' ({ConfiguredBy}) at '{ProgramPath}' could not be started: {Redact(e.Message, secret)}",
                    Name, CredentialHelperFailure.CouldNotStart, ConfigFile, e);
            }
        }

        private CredentialHelperException Failed(string what, HelperProcessResult result, string? secret)
        {
            string said = (result.Output.Trim() + "\n" + result.Error.Trim()).Trim();
            if (said.Length > MaxQuotedOutput)
            {
                said = said.Substring(0, MaxQuotedOutput) + "...";
            }

            string detail = said.Length == 0 ? "it said nothing" : "it said: " + Redact(said, secret);
            return new CredentialHelperException(
                $"The credential helper '{ProgramName}' ({ConfiguredBy}) could not {what} (exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}); {detail}",
                Name, CredentialHelperFailure.Failed, ConfigFile);
        }

        // A helper that echoes its input when it fails would put the password in our message; cut it out first.
        // The escaped form too, since what it echoes may be the JSON we sent.
        private static string Redact(string text, string? secret)
        {
            if (string.IsNullOrEmpty(secret))
            {
                return text;
            }

            return text.Replace(secret, "********").Replace(JsonEncodedText.Encode(secret!).ToString(), "********");
        }
    }
}
