using System.Net;
using System.Net.Sockets;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Tls
{
    /// <summary>
    /// One dockerd with --tlsverify, shared by the TLS tests: it listens on 127.0.0.1:PORT, whose address its certificate
    /// names, and on 127.0.0.2:PORT, which its certificate does not name (for the name-mismatch test).
    /// </summary>
    public sealed class TlsEngineFixture : IAsyncLifetime
    {
        private TlsTestCertificates? _certificates;
        private Dockerd? _dockerd;

        public TlsTestCertificates Certificates => _certificates!;

        public Dockerd Dockerd => _dockerd!;

        public int Port { get; private set; }

        public string Address => $"tcp://127.0.0.1:{Port}";

        /// <summary>Same engine, an address its certificate does not list.</summary>
        public string UnlistedAddress => $"tcp://127.0.0.2:{Port}";

        /// <summary>
        /// <c>docker --tlsverify</c> with the files of a certificate folder against this engine, in a docker configuration
        /// folder of its own and none of the TLS variables: its output, or an InvalidOperationException with its error.
        /// </summary>
        public string RunDockerCli(string certificateFolder, string configFolder, params string[] command)
        {
            Directory.CreateDirectory(configFolder);
            var arguments = new List<string>
            {
                "--tlsverify",
                "--tlscacert", Path.Combine(certificateFolder, "ca.pem"),
                "--tlscert", Path.Combine(certificateFolder, "cert.pem"),
                "--tlskey", Path.Combine(certificateFolder, "key.pem"),
                "-H", Address,
            };
            arguments.AddRange(command);
            return Programs.Run(
                Prerequisites.Require("docker", "/usr/local/bin"),
                arguments,
                new Dictionary<string, string?>
                {
                    ["DOCKER_CONFIG"] = configFolder,
                    ["DOCKER_HOST"] = null,
                    ["DOCKER_CONTEXT"] = null,
                    ["DOCKER_TLS_VERIFY"] = null,
                    ["DOCKER_CERT_PATH"] = null,
                });
        }

        public async Task InitializeAsync()
        {
            _certificates = new TlsTestCertificates();
            Port = LoopbackPort.Free();
            _dockerd = await TlsDockerd.StartAsync(_certificates, Address, UnlistedAddress);
        }

        public Task DisposeAsync()
        {
            _dockerd?.Dispose();
            _certificates?.Dispose();
            return Task.CompletedTask;
        }
    }
}
