using System.Text.Json;
using Containers.Provisioning.Store;

namespace Containers.Provisioning.Drivers.Ssh
{
    /// <summary>
    /// What an Ssh host's record keeps in its driver settings: the login user and the key file. A key file under the
    /// user's home folder is kept as "~/..." so that the store, copied to another machine where the user keeps the key in
    /// the same place, still works; the key itself never enters the store.
    /// </summary>
    public sealed class SshHostSettings
    {
        private const string UserSetting = "User";
        private const string KeyFileSetting = "KeyFile";

        public SshHostSettings(string user, string keyFile)
        {
            User = user;
            KeyFile = keyFile;
        }

        public string User { get; }

        /// <summary>As recorded: "~/.ssh/id_ed25519", or an absolute path outside the home folder.</summary>
        public string KeyFile { get; }

        /// <summary>The key file's path on this machine.</summary>
        public string KeyFilePath => Expand(KeyFile);

        /// <exception cref="HostDriverException">The record lacks the settings (made by another driver, or damaged).</exception>
        public static SshHostSettings Read(HostRecord host)
        {
            JsonElement settings = host.DriverSettings;
            if (settings.ValueKind == JsonValueKind.Object
                && settings.TryGetProperty(UserSetting, out JsonElement user) && user.ValueKind == JsonValueKind.String
                && settings.TryGetProperty(KeyFileSetting, out JsonElement key) && key.ValueKind == JsonValueKind.String)
            {
                return new SshHostSettings(user.GetString()!, key.GetString()!);
            }

            throw new HostDriverException(host.Name, $"The record of the host '{host.Name}' lacks its SSH user or key file (DriverSettings in host.json); remove the host with -Force and create it again.");
        }

        public JsonElement ToJson()
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString(UserSetting, User);
                json.WriteString(KeyFileSetting, KeyFile);
                json.WriteEndObject();
            }

            using JsonDocument document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }

        /// <summary>"~/..." for a path under the home folder, else the full path.</summary>
        public static string Shorten(string path)
        {
            string full = Path.GetFullPath(path);
            string home = Home();
            if (home.Length > 0 && full.StartsWith(home.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return "~/" + full.Substring(home.TrimEnd(Path.DirectorySeparatorChar).Length + 1).Replace(Path.DirectorySeparatorChar, '/');
            }

            return full;
        }

        public static string Expand(string path) =>
            path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Home(), path.Substring(2).Replace('/', Path.DirectorySeparatorChar)) : path;

        /// <summary>The key ssh itself would try first: ~/.ssh/id_ed25519, id_ecdsa or id_rsa; null when there is none.</summary>
        public static string? DefaultKeyFile()
        {
            string folder = Path.Combine(Home(), ".ssh");
            foreach (string name in new[] { "id_ed25519", "id_ecdsa", "id_rsa" })
            {
                string file = Path.Combine(folder, name);
                if (File.Exists(file))
                {
                    return file;
                }
            }

            return null;
        }

        private static string Home() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } profile
            ? profile
            : Environment.GetEnvironmentVariable("HOME") ?? string.Empty;
    }
}
