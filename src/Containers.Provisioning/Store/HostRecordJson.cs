using System.Globalization;
using System.Text.Json;

namespace Containers.Provisioning.Store
{
    /// <summary>host.json: written indented for people to read, read strictly (a missing field is a damaged record).</summary>
    internal static class HostRecordJson
    {
        public static byte[] Write(HostRecord record)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("FormatVersion", record.FormatVersion);
                writer.WriteString("Name", record.Name);
                writer.WriteString("Driver", record.Driver);
                writer.WriteString("Address", record.Address);
                writer.WriteStartObject("Ports");
                writer.WriteNumber("Engine", record.EnginePort);
                if (record.SshPort.HasValue)
                {
                    writer.WriteNumber("Ssh", record.SshPort.Value);
                }

                writer.WriteEndObject();
                writer.WritePropertyName("DriverSettings");
                record.DriverSettings.WriteTo(writer);
                writer.WriteString("Created", record.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.WriteStartArray("ServerNames");
                foreach (string name in record.ServerNames)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                writer.WriteString("ServerCertificateFingerprint", record.ServerCertificateFingerprint);
                if (record.SshHostKey == null)
                {
                    writer.WriteNull("SshHostKey");
                }
                else
                {
                    writer.WriteString("SshHostKey", record.SshHostKey);
                }

                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        /// <exception cref="FormatException">The JSON is not a host record this version can read; the message says why.</exception>
        public static HostRecord Read(byte[] json)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                throw new FormatException("it is not valid JSON: " + e.Message, e);
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException("it does not hold a JSON object.");
                }

                int version = Number(root, "FormatVersion");
                if (version > HostRecord.CurrentFormatVersion)
                {
                    throw new FormatException($"it has format version {version}, written by a newer version of the module (this one reads up to {HostRecord.CurrentFormatVersion}). Update the module.");
                }

                JsonElement ports = Property(root, "Ports", JsonValueKind.Object);
                JsonElement driverSettings = Property(root, "DriverSettings", JsonValueKind.Object);
                string created = Text(root, "Created");
                if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset createdAt))
                {
                    throw new FormatException($"\"Created\" is '{created}', which is not a time.");
                }

                var serverNames = new List<string>();
                foreach (JsonElement name in Property(root, "ServerNames", JsonValueKind.Array).EnumerateArray())
                {
                    serverNames.Add(name.ValueKind == JsonValueKind.String ? name.GetString()! : throw new FormatException("\"ServerNames\" holds something other than a string."));
                }

                string? sshHostKey = null;
                if (root.TryGetProperty("SshHostKey", out JsonElement key) && key.ValueKind != JsonValueKind.Null)
                {
                    sshHostKey = key.ValueKind == JsonValueKind.String ? key.GetString() : throw new FormatException("\"SshHostKey\" is not a string.");
                }

                return new HostRecord
                {
                    FormatVersion = version,
                    Name = Text(root, "Name"),
                    Driver = Text(root, "Driver"),
                    Address = Text(root, "Address"),
                    EnginePort = Number(ports, "Engine"),
                    SshPort = ports.TryGetProperty("Ssh", out JsonElement ssh) && ssh.ValueKind == JsonValueKind.Number ? ssh.GetInt32() : (int?)null,
                    DriverSettings = driverSettings.Clone(),
                    Created = createdAt,
                    ServerNames = serverNames,
                    ServerCertificateFingerprint = Text(root, "ServerCertificateFingerprint"),
                    SshHostKey = sshHostKey,
                };
            }
        }

        private static JsonElement Property(JsonElement parent, string name, JsonValueKind kind)
        {
            if (!parent.TryGetProperty(name, out JsonElement value))
            {
                throw new FormatException($"it has no \"{name}\".");
            }

            if (value.ValueKind != kind)
            {
                throw new FormatException($"\"{name}\" should be {(kind == JsonValueKind.Object ? "an object" : kind == JsonValueKind.Array ? "an array" : kind == JsonValueKind.Number ? "a number" : "a string")} but is {value.ValueKind}.");
            }

            return value;
        }

        private static string Text(JsonElement parent, string name) => Property(parent, name, JsonValueKind.String).GetString()!;

        private static int Number(JsonElement parent, string name) =>
            Property(parent, name, JsonValueKind.Number).TryGetInt32(out int value) ? value : throw new FormatException($"\"{name}\" is not a whole number.");
    }
}
