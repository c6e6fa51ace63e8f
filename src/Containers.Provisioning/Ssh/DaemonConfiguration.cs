using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// The daemon.json of a provisioned engine: listening on its local socket and on tcp ADDRESS:PORT for every address,
    /// with TLS and client certificate verification against the store's authority.
    /// </summary>
    public static class DaemonConfiguration
    {
        /// <summary>The settings the module owns; more settings may not change them.</summary>
        public static IReadOnlyCollection<string> OwnSettings { get; } = new[] { "hosts", "tls", "tlsverify", "tlscacert", "tlscert", "tlskey" };

        /// <exception cref="ArgumentException">More settings that are not a JSON object, or that change one of <see cref="OwnSettings"/>.</exception>
        public static string Build(EngineProvisioning provisioning)
        {
            string folder = provisioning.ConfigDirectory.TrimEnd('/');
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteStartArray("hosts");
                json.WriteStringValue("unix://" + provisioning.Socket);
                json.WriteStringValue("tcp://0.0.0.0:" + provisioning.EnginePort.ToString(CultureInfo.InvariantCulture));
                json.WriteEndArray();
                json.WriteBoolean("tls", true);
                json.WriteBoolean("tlsverify", true);
                json.WriteString("tlscacert", folder + "/" + RemoteEngineFiles.Authority);
                json.WriteString("tlscert", folder + "/" + RemoteEngineFiles.ServerCertificate);
                json.WriteString("tlskey", folder + "/" + RemoteEngineFiles.ServerKey);
                if (provisioning.DaemonSettings is JsonElement more)
                {
                    if (more.ValueKind != JsonValueKind.Object)
                    {
                        throw new ArgumentException("The daemon settings must be a JSON object, such as {\"log-driver\": \"local\"}.", nameof(provisioning));
                    }

                    foreach (JsonProperty setting in more.EnumerateObject())
                    {
                        if (Array.IndexOf((string[])OwnSettings, setting.Name) >= 0)
                        {
                            throw new ArgumentException($"The daemon setting '{setting.Name}' is the module's own (it keeps the engine reachable with TLS): leave it out.", nameof(provisioning));
                        }

                        setting.WriteTo(json);
                    }
                }

                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }
    }
}
