using System.Text;
using System.Text.Json.Nodes;
using Containers.Provisioning.Drivers;

namespace Containers.Azure.Templates
{
    /// <summary>
    /// The script the CustomScript extension runs on the VM: installs the engine when missing, writes the TLS files,
    /// a daemon.json that listens on fd:// and tcp 2376 with TLS verification, and a systemd drop-in that replaces the
    /// packaged ExecStart (<c>dockerd -H fd://</c>, which dockerd refuses beside "hosts" in daemon.json). It holds the
    /// server key, so it travels only in the extension's protectedSettings (encrypted, never returned by Azure), never in
    /// customData or settings, which anyone with read access can see.
    /// </summary>
    public static class EngineSetupScript
    {
        public const string TlsFolder = "/etc/docker/containers-tls";
        public const string DropIn = "/etc/systemd/system/docker.service.d/containers.conf";

        public static string DaemonJson() => new JsonObject
        {
            ["hosts"] = new JsonArray("fd://", "tcp://0.0.0.0:2376"),
            ["tls"] = true,
            ["tlsverify"] = true,
            ["tlscacert"] = TlsFolder + "/ca.pem",
            ["tlscert"] = TlsFolder + "/server-cert.pem",
            ["tlskey"] = TlsFolder + "/server-key.pem",
        }.ToJsonString();

        /// <summary>The drop-in: an empty ExecStart clears the packaged one, then ours starts dockerd without -H.</summary>
        public static string SystemdDropIn() =>
            "[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --containerd=/run/containerd/containerd.sock\n";

        public static string Build(ServerCertificateFiles files)
        {
            var script = new StringBuilder();
            script.Append("#!/bin/sh\nset -eu\nexport DEBIAN_FRONTEND=noninteractive\n");
            script.Append("if ! command -v dockerd >/dev/null 2>&1; then\n  apt-get update -q\n  apt-get install -y -q docker.io\nfi\n");
            script.Append("umask 077\nmkdir -p ").Append(TlsFolder).Append('\n');
            AppendFile(script, TlsFolder + "/ca.pem", files.AuthorityPem);
            AppendFile(script, TlsFolder + "/server-cert.pem", files.CertificatePem);
            AppendFile(script, TlsFolder + "/server-key.pem", files.KeyPem);
            script.Append("umask 022\n");
            AppendFile(script, "/etc/docker/daemon.json", DaemonJson() + "\n");
            script.Append("mkdir -p /etc/systemd/system/docker.service.d\n");
            AppendFile(script, DropIn, SystemdDropIn());
            script.Append("systemctl daemon-reload\nsystemctl enable docker.socket docker.service\nsystemctl restart docker.service\n");
            return script.ToString();
        }

        /// <summary>The extension's protectedSettings: the script, base64 as the CustomScript extension (2.1) takes it.</summary>
        public static JsonObject ProtectedSettings(ServerCertificateFiles files) => new JsonObject
        {
            ["script"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Build(files))),
        };

        private static void AppendFile(StringBuilder script, string path, string content)
        {
            const string Marker = "CONTAINERS_END_OF_FILE";
            if (content.Contains(Marker))
            {
                throw new ArgumentException($"The content of '{path}' contains the here-document marker.", nameof(content));
            }

            script.Append("cat > ").Append(path).Append(" <<'").Append(Marker).Append("'\n").Append(content);
            if (!content.EndsWith("\n", StringComparison.Ordinal))
            {
                script.Append('\n');
            }

            script.Append(Marker).Append('\n');
        }
    }
}
