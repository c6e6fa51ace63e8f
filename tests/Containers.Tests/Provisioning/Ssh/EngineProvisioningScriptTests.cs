using System.Text.Json;
using Containers.Engine.Ssh;
using Containers.Provisioning.Certificates;
using Containers.Provisioning.Ssh;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>The remote scripts and daemon.json as data: valid shell, the right settings, bad input refused.</summary>
    public sealed class EngineProvisioningScriptTests
    {
        private static readonly EngineProvisioning Provisioning = new EngineProvisioning
        {
            AuthorityPem = "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n",
            ServerCertificatePem = "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----\n",
            ServerKeyPem = "-----BEGIN PRIVATE KEY-----\nSECRET'S KEY\n-----END PRIVATE KEY-----\n",
        };

        [Fact]
        public void The_whole_script_is_valid_posix_shell()
        {
            SshScript script = EngineProvisioningScript.Build(Provisioning);
            Assert.Equal(EngineProvisioningScript.Name, script.Name);
            Assert.True(script.AsRoot);

            // dash is the strictest POSIX sh here; -n parses without running anything.
            foreach (SshScript each in new[] { script, EngineControlScript.Start(Provisioning), EngineControlScript.Stop(Provisioning) })
            {
                string file = System.IO.Path.GetTempFileName();
                try
                {
                    System.IO.File.WriteAllText(file, "step() { :; }\n" + each.Text);
                    Programs.Run("dash", new[] { "-n", file });
                }
                finally
                {
                    System.IO.File.Delete(file);
                }
            }
        }

        [Fact]
        public void The_script_installs_before_it_writes_files_and_starts_last_and_carries_the_key_only_encoded()
        {
            string text = EngineProvisioningScript.Build(Provisioning).Text;
            int install = text.IndexOf("step install-engine", StringComparison.Ordinal);
            int files = text.IndexOf("step write-tls-files", StringComparison.Ordinal);
            int daemon = text.IndexOf("step write-daemon-configuration", StringComparison.Ordinal);
            int start = text.IndexOf("step start-engine", StringComparison.Ordinal);
            Assert.True(install > 0 && install < files && files < daemon && daemon < start, text);
            Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
            Assert.Contains("chmod 0600 '/etc/docker/server-key.pem.containers-new'", text, StringComparison.Ordinal);
            Assert.Contains("apt-get install -y -q docker.io", text, StringComparison.Ordinal);
            Assert.Contains("dnf install", text, StringComparison.Ordinal);
            Assert.Contains("zypper --non-interactive install docker", text, StringComparison.Ordinal);
            Assert.Contains("ExecStart=\n", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Daemon_json_listens_on_the_socket_and_tcp_with_tls_verification_and_takes_more_settings()
        {
            using JsonDocument more = JsonDocument.Parse("{\"log-driver\": \"local\", \"data-root\": \"/srv/docker\"}");
            string json = DaemonConfiguration.Build(new EngineProvisioning { EnginePort = 12376, ConfigDirectory = "/etc/docker/", DaemonSettings = more.RootElement });
            using JsonDocument daemon = JsonDocument.Parse(json);
            JsonElement root = daemon.RootElement;
            Assert.Equal(new[] { "unix:///var/run/docker.sock", "tcp://0.0.0.0:12376" }, root.GetProperty("hosts").EnumerateArray().Select(host => host.GetString()));
            Assert.True(root.GetProperty("tls").GetBoolean());
            Assert.True(root.GetProperty("tlsverify").GetBoolean());
            Assert.Equal("/etc/docker/ca.pem", root.GetProperty("tlscacert").GetString());
            Assert.Equal("/etc/docker/server-cert.pem", root.GetProperty("tlscert").GetString());
            Assert.Equal("/etc/docker/server-key.pem", root.GetProperty("tlskey").GetString());
            Assert.Equal("local", root.GetProperty("log-driver").GetString());
            Assert.Equal("/srv/docker", root.GetProperty("data-root").GetString());
        }

        [Fact]
        public void Daemon_settings_that_would_change_tls_or_the_listeners_or_are_no_object_are_refused()
        {
            using JsonDocument hosts = JsonDocument.Parse("{\"hosts\": [\"tcp://0.0.0.0:2375\"]}");
            var error = Assert.Throws<ArgumentException>(() => DaemonConfiguration.Build(new EngineProvisioning { DaemonSettings = hosts.RootElement }));
            Assert.Contains("'hosts'", error.Message, StringComparison.Ordinal);

            using JsonDocument array = JsonDocument.Parse("[1]");
            Assert.Throws<ArgumentException>(() => DaemonConfiguration.Build(new EngineProvisioning { DaemonSettings = array.RootElement }));

            Assert.Throws<ArgumentException>(() => EngineProvisioningScript.Build(new EngineProvisioning()));
        }

        [Fact]
        public void Remote_files_need_an_absolute_path_and_an_octal_mode()
        {
            Assert.Throws<ArgumentException>(() => new RemoteFile("etc/docker/ca.pem", "x", "0644"));
            Assert.Throws<ArgumentException>(() => new RemoteFile("/etc/docker/", "x", "0644"));
            Assert.Throws<ArgumentException>(() => new RemoteFile("/etc/docker/ca.pem", "x", "0855"));
            Assert.Throws<ArgumentException>(() => new RemoteFile("/etc/docker/ca.pem", "x", "u+rw"));
            Assert.Contains("chmod 600 ", new RemoteFile("/root/key", "x", "600").ToShell(), StringComparison.Ordinal);
        }

        [Fact]
        public void Shell_quoting_survives_quotes_and_dollars()
        {
            string value = "it's $HOME `x` \"y\" \\ end";
            Assert.Equal(value + "\n", Programs.Run("sh", new[] { "-c", "printf '%s\\n' " + ShellQuoting.Quote(value) }));
        }

        [Fact]
        public void A_host_key_reads_back_with_the_fingerprint_ssh_keygen_prints_and_a_forged_type_is_refused()
        {
            string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "containers-hostkey-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            System.IO.Directory.CreateDirectory(folder);
            try
            {
                string file = System.IO.Path.Combine(folder, "key");
                Programs.Run("ssh-keygen", new[] { "-q", "-t", "ecdsa", "-N", string.Empty, "-C", "a comment", "-f", file });
                string text = System.IO.File.ReadAllText(file + ".pub");
                SshHostKey key = SshHostKey.Parse(text);
                Assert.Equal("ecdsa-sha2-nistp256", key.Type);
                Assert.Equal(string.Join(" ", text.Split(' ').Take(2)), key.ToString());
                Assert.Contains(key.Fingerprint + " ", Programs.Run("ssh-keygen", new[] { "-l", "-f", file + ".pub" }), StringComparison.Ordinal);
                Assert.Equal("ecdsa-sha2-nistp256", key.HostKeyAlgorithms);

                Assert.Throws<FormatException>(() => SshHostKey.Parse("ssh-ed25519 " + key.Data));
                Assert.Throws<FormatException>(() => SshHostKey.Parse("ssh-ed25519 not-base64!"));
                Assert.Throws<FormatException>(() => SshHostKey.Parse("ssh-ed25519"));
            }
            finally
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }
}
