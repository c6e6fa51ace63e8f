using System.Text.Json;
using Containers.Engine.Configuration;
using Containers.Engine.Credentials;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// One reading of config.json, for what concerns credentials: <c>auths</c>, <c>credsStore</c>, <c>credHelpers</c>.
    /// It keeps the bytes it read, so an update can change <c>auths</c> and leave every other byte as the user (or the
    /// docker CLI) wrote it. Read afresh for every operation: <c>docker login</c> may have run since.
    /// </summary>
    internal sealed class DockerConfigFile
    {
        public const string AuthsProperty = "auths";
        public const string CredentialsStoreProperty = "credsStore";
        public const string CredentialHelpersProperty = "credHelpers";

        private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

        private DockerConfigFile(string path, byte[] content, JsonElement? root)
        {
            Path = path;
            Content = content;
            Root = root;
        }

        public string Path { get; }

        /// <summary>The file as read, without a UTF-8 byte order mark; empty when there is no file.</summary>
        public byte[] Content { get; }

        /// <summary>The top-level object; null when the file is missing or empty (the docker CLI accepts both).</summary>
        public JsonElement? Root { get; }

        public string? CredentialsStore { get; private set; }

        /// <summary><c>credHelpers</c> in file order; keys match exactly, as Go map keys do.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> CredentialHelpers { get; private set; } = Array.Empty<KeyValuePair<string, string>>();

        /// <summary><c>auths</c> in file order, undecoded: one malformed login must not stop the use of the others.</summary>
        public IReadOnlyList<KeyValuePair<string, JsonElement>> Auths { get; private set; } = Array.Empty<KeyValuePair<string, JsonElement>>();

        /// <summary>
        /// The CLI's ContainsAuth: any store, helper or login at all. Without one, the CLI falls back on the platform's
        /// default credential helper when it is installed.
        /// </summary>
        public bool ContainsAuth => CredentialsStore != null || CredentialHelpers.Count > 0 || Auths.Count > 0;

        /// <exception cref="CredentialStoreException">The file cannot be read, is not JSON, or its credential settings have the wrong shape.</exception>
        public static DockerConfigFile Load(string path)
        {
            byte[] content;
            try
            {
                content = File.Exists(path) ? File.ReadAllBytes(path) : Array.Empty<byte>();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CredentialStoreException($"The docker configuration file '{path}' cannot be read: {e.Message}", path, e);
            }

            // Windows PowerShell's Set-Content -Encoding UTF8 writes a BOM, which Go's decoder rejects; read past it
            // (and, by writing without it, repair the file for the CLI).
            if (content.Length >= 3 && content[0] == Utf8Bom[0] && content[1] == Utf8Bom[1] && content[2] == Utf8Bom[2])
            {
                byte[] rest = new byte[content.Length - 3];
                Array.Copy(content, 3, rest, 0, rest.Length);
                content = rest;
            }

            if (IsBlank(content))
            {
                return new DockerConfigFile(path, content, null);
            }

            JsonElement root;
            try
            {
                using JsonDocument document = JsonDocument.Parse(content);
                root = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new CredentialStoreException($"The docker configuration file '{path}' is not valid JSON: {e.Message} Correct or remove it.", path, e);
            }

            var file = new DockerConfigFile(path, content, root);
            try
            {
                file.ReadSettings(root);
            }
            catch (FormatException e)
            {
                throw new CredentialStoreException($"The docker configuration file '{path}' cannot be used: {e.Message}", path, e);
            }

            return file;
        }

        /// <summary>The helper <c>credHelpers</c> names for the key; "" means "this registry uses config.json itself".</summary>
        public bool TryGetCredentialHelper(string key, out string helper)
        {
            foreach (KeyValuePair<string, string> entry in CredentialHelpers)
            {
                if (entry.Key == key)
                {
                    helper = entry.Value;
                    return true;
                }
            }

            helper = string.Empty;
            return false;
        }

        /// <summary>
        /// The <c>auths</c> entry for the key: the exact key, else the first written as a URL of the same host (the
        /// CLI's fallback for files older tools wrote).
        /// </summary>
        public KeyValuePair<string, JsonElement>? FindAuth(string key)
        {
            foreach (KeyValuePair<string, JsonElement> entry in Auths)
            {
                if (entry.Key == key)
                {
                    return entry;
                }
            }

            foreach (KeyValuePair<string, JsonElement> entry in Auths)
            {
                if (RegistryServerAddress.ToHostname(entry.Key) == key)
                {
                    return entry;
                }
            }

            return null;
        }

        private void ReadSettings(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"it should hold a JSON object but holds {GoJson.Describe(root.ValueKind)}.");
            }

            string? store = GoJson.GetString(root, CredentialsStoreProperty);
            CredentialsStore = string.IsNullOrEmpty(store) ? null : store;

            var helpers = new List<KeyValuePair<string, string>>();
            foreach (JsonProperty helper in EnumerateObject(root, CredentialHelpersProperty))
            {
                if (helper.Value.ValueKind != JsonValueKind.String && helper.Value.ValueKind != JsonValueKind.Null)
                {
                    throw new FormatException($"\"{CredentialHelpersProperty}\" should map registries to helper names, but '{helper.Name}' maps to {GoJson.Describe(helper.Value.ValueKind)}.");
                }

                helpers.Add(new KeyValuePair<string, string>(helper.Name, helper.Value.GetString() ?? string.Empty));
            }

            CredentialHelpers = helpers;

            var auths = new List<KeyValuePair<string, JsonElement>>();
            foreach (JsonProperty entry in EnumerateObject(root, AuthsProperty))
            {
                auths.Add(new KeyValuePair<string, JsonElement>(entry.Name, entry.Value));
            }

            Auths = auths;
        }

        private static IEnumerable<JsonProperty> EnumerateObject(JsonElement root, string name)
        {
            if (!GoJson.TryGetProperty(root, name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return Array.Empty<JsonProperty>();
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"\"{name}\" should be an object but is {GoJson.Describe(value.ValueKind)}.");
            }

            return value.EnumerateObject();
        }

        private static bool IsBlank(byte[] content)
        {
            foreach (byte b in content)
            {
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
