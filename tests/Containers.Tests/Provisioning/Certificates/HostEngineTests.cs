using Containers.Engine;
using Containers.Engine.Configuration;
using Containers.Engine.Errors;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.Provisioning.Certificates;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Store;
using Containers.Tests.Engine;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Certificates
{
    /// <summary>
    /// The certificates a host store issues, used for real: dockerd --tlsverify serves with the server certificate and
    /// accepts the client certificate; our client and the docker CLI (through the mirrored context) both reach it; a
    /// client without a certificate, or with one from another store, is refused.
    /// </summary>
    [RequiresEngine]
    public sealed class HostEngineTests : IClassFixture<HostEngineFixture>
    {
        private readonly HostEngineFixture _fixture;

        public HostEngineTests(HostEngineFixture fixture)
        {
            _fixture = fixture;
        }

        private string HostName => HostEngineFixture.HostName;

        [Fact]
        public async Task Our_client_with_the_hosts_client_certificate_reaches_the_engine()
        {
            using var client = new EngineClient(EngineEndpoint.Parse(_fixture.Host.EngineAddress), _fixture.Store.LoadClientTls(HostName));
            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());

            // The certificate names localhost too.
            using var byName = new EngineClient(EngineEndpoint.Parse($"tcp://localhost:{_fixture.Host.EnginePort}"), _fixture.Store.LoadClientTls(HostName));
            await byName.System.PingAsync();
        }

        [Fact]
        public async Task The_mirrored_context_resolves_to_the_engine_with_its_tls_files()
        {
            var environment = new FakeEngineEnvironment(_fixture.Temp);
            environment["DOCKER_CONFIG"] = _fixture.DockerConfig;
            ResolvedEngine resolved = new EndpointResolver(environment).Resolve(null, HostName);
            Assert.Equal(HostName, resolved.ContextName);
            using var client = new EngineClient(resolved.Endpoint, resolved.Tls);
            Assert.Equal("1.41", (await client.System.VersionAsync()).ApiVersion);
        }

        [Fact]
        public async Task A_client_without_a_client_certificate_is_refused()
        {
            string folder = Path.Combine(_fixture.Temp, "ca-only");
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(_fixture.Store.HostDirectory(HostName), HostFiles.AuthorityCertificate), Path.Combine(folder, "ca.pem"), overwrite: true);

            using var client = new EngineClient(EngineEndpoint.Parse(_fixture.Host.EngineAddress), TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
            Assert.Contains("client certificate", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_client_certificate_from_another_store_is_refused()
        {
            var other = new HostStore(Path.Combine(_fixture.Temp, "other-store"), new DockerContextMirror(new DockerConfigDirectory(Path.Combine(_fixture.Temp, "other-config"))))
            {
                KeyAlgorithm = CertificateKeyAlgorithm.EcdsaP256,
            };
            other.Add(new NewHost { Name = HostName, Driver = "Local", Address = "127.0.0.1", EnginePort = _fixture.Host.EnginePort });

            // Trusting the right authority, presenting a certificate from the wrong one.
            string folder = Path.Combine(_fixture.Temp, "foreign-client");
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(_fixture.Store.HostDirectory(HostName), "ca.pem"), Path.Combine(folder, "ca.pem"), overwrite: true);
            File.Copy(Path.Combine(other.HostDirectory(HostName), "cert.pem"), Path.Combine(folder, "cert.pem"), overwrite: true);
            File.Copy(Path.Combine(other.HostDirectory(HostName), "key.pem"), Path.Combine(folder, "key.pem"), overwrite: true);

            using var client = new EngineClient(EngineEndpoint.Parse(_fixture.Host.EngineAddress), TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());

            // And the other store's context, whose ca.pem did not sign this engine, refuses the engine.
            using var trustingOther = new EngineClient(EngineEndpoint.Parse(_fixture.Host.EngineAddress), other.LoadClientTls(HostName));
            await Assert.ThrowsAsync<EngineConnectionException>(() => trustingOther.GetApiVersionAsync());
        }

        [Fact]
        public void The_docker_cli_reaches_the_engine_through_the_mirrored_context()
        {
            string version = DockerCli.Run(_fixture.DockerConfig, new[] { "--context", HostName, "version", "--format", "{{.Server.APIVersion}}" });
            Assert.Equal("1.41", version.Trim());

            string contexts = DockerCli.Run(_fixture.DockerConfig, new[] { "context", "ls", "--format", "{{.Name}} {{.DockerEndpoint}} {{.Description}}" });
            Assert.Contains($"{HostName} {_fixture.Host.EngineAddress} {DockerContextMirror.DescriptionPrefix}{HostName}", contexts, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_ec_client_certificate_from_the_rsa_authority_is_accepted_by_our_client_and_the_docker_cli()
        {
            string folder = Path.Combine(_fixture.Temp, "ec-client");
            Directory.CreateDirectory(folder);
            using (CertificateAuthority authority = _fixture.Store.GetAuthority())
            {
                IssuedCertificate client = authority.IssueClient("ec client", CertificateKeyAlgorithm.EcdsaP256);
                File.WriteAllText(Path.Combine(folder, "ca.pem"), authority.CertificatePem);
                File.WriteAllText(Path.Combine(folder, "cert.pem"), client.CertificatePem);
                File.WriteAllText(Path.Combine(folder, "key.pem"), client.KeyPem);
            }

            using var engine = new EngineClient(EngineEndpoint.Parse(_fixture.Host.EngineAddress), TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            await engine.System.PingAsync();

            string version = DockerCli.Run(_fixture.DockerConfig, new[] { "-H", _fixture.Host.EngineAddress, "version", "--format", "{{.Server.APIVersion}}" },
                new Dictionary<string, string?> { ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CERT_PATH"] = folder });
            Assert.Equal("1.41", version.Trim());
        }
    }
}
