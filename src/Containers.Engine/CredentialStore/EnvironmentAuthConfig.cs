using System.Text.Json;
using Containers.Engine.Configuration;
using Containers.Engine.Credentials;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// DOCKER_AUTH_CONFIG: a config.json's worth of <c>auths</c> in a variable (for CI jobs), which the docker CLI
    /// consults before its stores, matching keys exactly. It is read-only: logins and logouts go to the stores beneath.
    /// </summary>
    internal static class EnvironmentAuthConfig
    {
        public const string Variable = "DOCKER_AUTH_CONFIG";

        /// <summary>The variable's logins by key (a null credential is an entry with none); empty when it is unset or unusable.</summary>
        public static IReadOnlyList<KeyValuePair<string, RegistryCredential?>> Read(IEngineEnvironment environment)
        {
            string? text = environment.GetVariable(Variable);
            var entries = new List<KeyValuePair<string, RegistryCredential?>>();
            if (string.IsNullOrWhiteSpace(text))
            {
                return entries;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(text!);
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !GoJson.TryGetProperty(document.RootElement, DockerConfigFile.AuthsProperty, out JsonElement auths)
                    || auths.ValueKind != JsonValueKind.Object)
                {
                    return entries;
                }

                foreach (JsonProperty entry in auths.EnumerateObject())
                {
                    entries.Add(new KeyValuePair<string, RegistryCredential?>(entry.Name, AuthConfigEntry.Read(entry.Value, entry.Name, Variable)));
                }
            }
            catch (Exception e) when (e is JsonException || e is CredentialStoreException)
            {
                // The CLI ignores a value it cannot read; so must we, or the two tools would disagree about who is logged in.
                entries.Clear();
            }

            return entries;
        }
    }
}
