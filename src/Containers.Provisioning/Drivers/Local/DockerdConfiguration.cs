using System.Text.Json;
using Containers.Provisioning.Store;

namespace Containers.Provisioning.Drivers.Local
{
    /// <summary>
    /// The daemon.json of a Local host's dockerd. Every setting is in the file and dockerd gets only --config-file, since
    /// dockerd refuses a setting given both ways. It is written afresh at every start from host.json and the layout, so
    /// it never holds a stale address or a path of the machine the store was copied from.
    /// </summary>
    internal static class DockerdConfiguration
    {
        public static byte[] Write(LocalEngineLayout layout, HostRecord host, bool isolated)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("hosts");
                writer.WriteStringValue("unix://" + layout.SocketPath);
                writer.WriteStringValue(host.EngineAddress);
                writer.WriteEndArray();
                writer.WriteBoolean("tls", true);
                writer.WriteBoolean("tlsverify", true);
                writer.WriteString("tlscacert", layout.AuthorityFile);
                writer.WriteString("tlscert", layout.ServerCertificateFile);
                writer.WriteString("tlskey", layout.ServerKeyFile);
                writer.WriteString("data-root", layout.DataRoot);
                writer.WriteString("exec-root", layout.ExecRoot);
                writer.WriteString("pidfile", layout.PidFile);
                // A system containerd, when one runs, is shared: its own namespaces keep this engine's containers apart.
                writer.WriteString("containerd-namespace", "containers-host-" + layout.Id);
                writer.WriteString("containerd-plugins-namespace", "containers-host-" + layout.Id + "-plugins");
                if (isolated)
                {
                    // Another engine owns docker0 and the iptables chains: two engines managing them break each other's networking.
                    writer.WriteString("bridge", "none");
                    writer.WriteBoolean("iptables", false);
                    writer.WriteBoolean("ip6tables", false);
                    writer.WriteBoolean("ip-masq", false);
                }

                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }
    }
}
