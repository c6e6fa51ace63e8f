using System.Text.Json;

namespace Containers.Engine.Credentials
{
    /// <summary>
    /// The <c>X-Registry-Config</c> header of a build: a JSON map of registry keys to auth configs
    /// (<c>{"127.0.0.1:5000": {"username", "password", "serveraddress"}, "https://index.docker.io/v1/": {...}}</c>), in
    /// URL-safe base64 like X-Registry-Auth. The engine looks a base image's registry up in it when it pulls one, so the
    /// docker CLI sends every stored login; so does this. Keys are the store's own (<see cref="RegistryServerAddress"/>).
    /// </summary>
    public static class RegistryConfigHeader
    {
        public const string Name = "X-Registry-Config";

        /// <summary>The header value for the logins by registry (host, <c>docker.io</c> or URL); null when there are none.</summary>
        public static string? Encode(IEnumerable<KeyValuePair<string, RegistryCredential>> logins)
        {
            if (logins == null)
            {
                throw new ArgumentNullException(nameof(logins));
            }

            var byKey = new SortedDictionary<string, RegistryCredential>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, RegistryCredential> login in logins.Where(login => login.Value != null))
            {
                byKey[RegistryServerAddress.Normalize(login.Key)] = login.Value;
            }

            if (byKey.Count == 0)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (KeyValuePair<string, RegistryCredential> login in byKey)
                {
                    writer.WriteStartObject(login.Key);
                    if (login.Value.IsIdentityToken)
                    {
                        writer.WriteString("identitytoken", login.Value.Secret);
                    }
                    else
                    {
                        writer.WriteString("username", login.Value.UserName);
                        writer.WriteString("password", login.Value.Secret);
                    }

                    writer.WriteString("serveraddress", login.Key);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            return RegistryAuthHeader.ToBase64Url(buffer.ToArray());
        }
    }
}
