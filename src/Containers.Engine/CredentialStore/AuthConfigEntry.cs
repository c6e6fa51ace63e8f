using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Containers.Engine.Configuration;
using Containers.Engine.Credentials;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// One entry of config.json's <c>auths</c>, as the docker CLI reads and writes it: <c>auth</c> is base64 of
    /// "user:password" and wins over plain <c>username</c>/<c>password</c>; an <c>identitytoken</c> wins over both. An
    /// entry with none of these (<c>{}</c>, left beside a credential helper) holds no credential.
    /// </summary>
    internal static class AuthConfigEntry
    {
        // Every field of the CLI's AuthConfig that carries a secret or says who logged in; the rest (email...) is kept.
        private static readonly string[] CredentialFields = { "auth", "username", "password", "identitytoken", "registrytoken" };

        /// <summary>The entry's credential, or null when it holds none.</summary>
        /// <exception cref="CredentialStoreException">The entry is malformed; the message names the file and the key, never the value.</exception>
        public static RegistryCredential? Read(JsonElement entry, string key, string file)
        {
            if (entry.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            try
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"it should be an object but is {GoJson.Describe(entry.ValueKind)}.");
                }

                string? identityToken = GoJson.GetString(entry, "identitytoken");
                if (!string.IsNullOrEmpty(identityToken))
                {
                    return RegistryCredential.FromIdentityToken(identityToken!);
                }

                string? auth = GoJson.GetString(entry, "auth");
                if (!string.IsNullOrEmpty(auth))
                {
                    return Decode(auth!);
                }

                string? userName = GoJson.GetString(entry, "username");
                if (!string.IsNullOrEmpty(userName))
                {
                    return new RegistryCredential(userName!, GoJson.GetString(entry, "password") ?? string.Empty);
                }

                return null;
            }
            catch (Exception e) when (e is FormatException || e is ArgumentException)
            {
                throw new CredentialStoreException($"The docker configuration file '{file}' holds an unusable login for '{key}' in \"auths\": {e.Message} Log in again, or remove that entry.", file, e);
            }
        }

        /// <summary>True when the entry carries a credential field at all (it may still fail to decode).</summary>
        public static bool HasCredentialFields(JsonElement entry)
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (string field in CredentialFields)
            {
                if (GoJson.TryGetProperty(entry, field, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Puts the credential into the entry as the docker CLI writes it (<c>auth</c>, or <c>identitytoken</c>), or with
        /// null takes every credential field out (what stays beside a helper). Other fields stay; a field already there
        /// keeps its place and spelling. Returns whether anything changed.
        /// </summary>
        public static bool Write(JsonObject entry, RegistryCredential? credential)
        {
            string? keep = credential == null ? null : credential.IsIdentityToken ? "identitytoken" : "auth";
            bool changed = false;
            foreach (string field in CredentialFields)
            {
                if (field != keep)
                {
                    string? present = JsonNames.Find(entry, field);
                    if (present != null)
                    {
                        entry.Remove(present);
                        changed = true;
                    }
                }
            }

            if (credential != null)
            {
                string value = credential.IsIdentityToken ? credential.Secret : Encode(credential);
                string name = JsonNames.Find(entry, keep!) ?? keep!;
                if (!(entry[name] is JsonValue current && current.TryGetValue(out string? old) && old == value))
                {
                    entry[name] = value;
                    changed = true;
                }
            }

            return changed;
        }

        private static string Encode(RegistryCredential credential) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Secret));

        private static RegistryCredential Decode(string auth)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(auth);
            }
            catch (FormatException)
            {
                // The message must not quote the value: it is the password, encoded.
                throw new FormatException("its \"auth\" is not base64.");
            }

            string decoded = Encoding.UTF8.GetString(bytes);
            int colon = decoded.IndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException("its \"auth\" does not decode to user:password.");
            }

            // Go's decodeAuth trims NULs some old tools padded the password with.
            return new RegistryCredential(decoded.Substring(0, colon), decoded.Substring(colon + 1).Trim('\0'));
        }
    }
}
