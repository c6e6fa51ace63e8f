using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Containers.Engine;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Tls
{
    /// <summary>TLS against a real dockerd started with --tlsverify, and the docker CLI reading the same files.</summary>
    [RequiresEngine]
    public class TlsTests : IClassFixture<TlsEngineFixture>
    {
        private readonly TlsEngineFixture _engine;

        public TlsTests(TlsEngineFixture engine)
        {
            _engine = engine;
        }

        private TlsTestCertificates Certificates => _engine.Certificates;

        [Fact]
        public async Task A_client_with_the_right_files_negotiates_api_1_41_and_lists_containers()
        {
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), TlsSettings.LoadFromDirectory(Certificates.RsaPkcs8, verifyServer: true));
            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
            List<ContainerSummary> containers = await client.Containers.ListAsync(new ContainerListParameters { All = true });
            Assert.NotNull(containers);
        }

        [Theory]
        [InlineData("rsa-pkcs1")]
        [InlineData("rsa-pkcs8")]
        [InlineData("ec-sec1")]
        [InlineData("ec-pkcs8")]
        [InlineData("ec-p384")]
        [InlineData("ec-p521")]
        public async Task Every_key_form_connects(string folder)
        {
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), TlsSettings.LoadFromDirectory(Certificates.Folder(folder), verifyServer: true));
            VersionResponse version = await client.System.VersionAsync();
            Assert.Equal("1.41", version.ApiVersion);
        }

        [Fact]
        public async Task The_host_name_localhost_matches_the_certificate_dns_name()
        {
            using var client = new EngineClient(EngineEndpoint.Parse($"tcp://localhost:{_engine.Port}"), TlsSettings.LoadFromDirectory(Certificates.RsaPkcs8, verifyServer: true));
            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
        }

        [Fact]
        public async Task A_ca_file_with_several_authorities_trusts_each_of_them()
        {
            string folder = Certificates.Folder("several-authorities");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "ca.pem"),
                File.ReadAllText(Path.Combine(Certificates.WrongAuthority, "ca.pem")) + File.ReadAllText(Certificates.AuthorityCertificate));
            File.Copy(Path.Combine(Certificates.RsaPkcs8, "cert.pem"), Path.Combine(folder, "cert.pem"), overwrite: true);
            File.Copy(Path.Combine(Certificates.RsaPkcs8, "key.pem"), Path.Combine(folder, "key.pem"), overwrite: true);

            TlsSettings settings = TlsSettings.LoadFromDirectory(folder, verifyServer: true);
            Assert.Equal(2, settings.Authorities.Count);
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), settings);
            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
        }

        [Fact]
        public async Task A_client_without_a_client_certificate_is_refused()
        {
            TlsSettings settings = TlsSettings.LoadFromDirectory(Certificates.NoClientCertificate, verifyServer: true);
            Assert.Null(settings.ClientCertificate);
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), settings);
            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
            Assert.True(error.Message.Contains("client certificate", StringComparison.Ordinal), error.ToString());
        }

        [Fact]
        public async Task A_client_certificate_from_another_authority_is_refused_by_the_engine()
        {
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), TlsSettings.LoadFromDirectory(Certificates.ClientFromWrongAuthority, verifyServer: true));
            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
            Assert.True(error.Message.Contains("refused our client certificate", StringComparison.Ordinal), error.ToString());
        }

        [Fact]
        public async Task A_client_trusting_another_authority_refuses_the_server_certificate()
        {
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), TlsSettings.LoadFromDirectory(Certificates.WrongAuthority, verifyServer: true));
            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
            Assert.True(error.Message.Contains("server certificate was refused", StringComparison.Ordinal), error.ToString());
            Assert.True(error.Message.Contains("untrusted CA", StringComparison.Ordinal), error.ToString());
        }

        [Fact]
        public async Task Without_server_verification_the_wrong_authority_still_connects_with_the_right_client_certificate()
        {
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), TlsSettings.LoadFromDirectory(Certificates.WrongAuthority, verifyServer: false));
            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
        }

        [Fact]
        public async Task An_address_the_server_certificate_does_not_name_is_a_name_mismatch()
        {
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.UnlistedAddress), TlsSettings.LoadFromDirectory(Certificates.RsaPkcs8, verifyServer: true));
            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
            Assert.True(error.Message.Contains("name mismatch", StringComparison.Ordinal), error.ToString());
            Assert.True(error.Message.Contains("127.0.0.2", StringComparison.Ordinal), error.ToString());
        }

        [Fact]
        public async Task Without_server_verification_an_unlisted_address_connects()
        {
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.UnlistedAddress), TlsSettings.LoadFromDirectory(Certificates.RsaPkcs8, verifyServer: false));
            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
        }

        [Fact]
        public async Task A_plain_http_client_is_not_served_by_the_tls_engine_and_hears_its_answer()
        {
            // dockerd's TLS port answers plain HTTP in HTTP/1.0, its body ending with the connection: the sentence is kept.
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address));
            EngineConnectionException e = await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
            Assert.Contains($"The engine at {_engine.Address} expects TLS: Client sent an HTTP request to an HTTPS server.", e.Message);

            await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.PingAsync());
        }

        [Theory]
        [InlineData("rsa-pkcs1")]
        [InlineData("rsa-pkcs8")]
        [InlineData("ec-sec1")]
        [InlineData("ec-pkcs8")]
        public void The_docker_cli_accepts_the_same_files(string folder)
        {
            string output = _engine.RunDockerCli(Certificates.Folder(folder), Path.Combine(Certificates.Root, "docker-config-" + folder), "version", "--format", "{{.Server.APIVersion}}");
            Assert.Equal("1.41", output.Trim());
        }

        [Fact]
        public async Task Closing_stdin_over_tls_ends_cat_and_keeps_its_output()
        {
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), TlsSettings.LoadFromDirectory(Certificates.RsaPkcs8, verifyServer: true));
            await TestImage.ImportAsync(client);
            string name = "tls-exec-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            ContainerCreateResponse created = await client.Containers.CreateAsync(name, new ContainerCreateRequest
            {
                Image = TestImage.Reference,
                Cmd = new List<string> { "sleep", "300" },
                HostConfig = new HostConfig { NetworkMode = "none" },
            });
            try
            {
                await client.Containers.StartAsync(created.Id);
                ExecCreateResponse exec = await client.Exec.CreateAsync(created.Id, new ExecCreateRequest
                {
                    AttachStdin = true,
                    AttachStdout = true,
                    AttachStderr = true,
                    Cmd = new List<string> { "cat" },
                });

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                using HijackedStream stream = await client.Exec.StartAttachedAsync(exec.Id, tty: false, timeout.Token);
                byte[] input = Encoding.ASCII.GetBytes("hello\n");
                await stream.WriteAsync(input, 0, input.Length, timeout.Token);
                await stream.CloseWriteAsync();

                var reader = new MultiplexedStreamReader(stream, tty: false);
                var output = new StringBuilder();
                byte[] buffer = new byte[4096];
                while (true)
                {
                    (StdStream which, int count) = await reader.ReadAsync(buffer, 0, buffer.Length, timeout.Token);
                    if (count == 0)
                    {
                        break;
                    }

                    Assert.Equal(StdStream.Stdout, which);
                    output.Append(Encoding.ASCII.GetString(buffer, 0, count));
                }

                Assert.Equal("hello\n", output.ToString());
                ExecInspect inspect = await client.Exec.InspectAsync(exec.Id);
                var clock = Stopwatch.StartNew();
                while (inspect.Running && clock.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(50);
                    inspect = await client.Exec.InspectAsync(exec.Id);
                }

                Assert.False(inspect.Running);
                Assert.Equal(0, inspect.ExitCode);
            }
            finally
            {
                await client.Containers.RemoveAsync(created.Id, force: true);
            }
        }

        [Fact]
        public async Task The_handshake_offers_tls_1_3_and_presents_the_client_certificate()
        {
            // dockerd 20.10's Go runtime speaks TLS 1.3, so getting it proves the numeric SslProtocols value is offered.
            TlsSettings settings = TlsSettings.LoadFromDirectory(Certificates.RsaPkcs8, verifyServer: true);
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, _engine.Port);
            using System.Net.Security.SslStream tls = await TlsHandshake.AuthenticateAsync(new NetworkStream(socket, ownsSocket: true), "127.0.0.1", settings, CancellationToken.None);
            Assert.Equal(System.Security.Authentication.SslProtocols.Tls13, tls.SslProtocol);
            Assert.True(tls.IsMutuallyAuthenticated);
            Assert.Equal("CN=localhost", tls.RemoteCertificate!.Subject);
        }

        [Fact]
        public async Task Cancelling_a_handshake_that_gets_no_answer_ends_it_promptly()
        {
            // A listener that accepts and never speaks: the handshake waits for a ServerHello that does not come.
            var silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            try
            {
                int port = ((IPEndPoint)silent.LocalEndpoint).Port;
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, port);
                using Socket accepted = await silent.AcceptSocketAsync();
                var network = new NetworkStream(socket, ownsSocket: true);
                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                var clock = Stopwatch.StartNew();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                    TlsHandshake.AuthenticateAsync(network, "127.0.0.1", TlsSettings.LoadFromDirectory(Certificates.RsaPkcs8, verifyServer: true), cancel.Token));
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Cancellation took {clock.Elapsed}.");
                Assert.False(network.CanRead); // the connection was closed, not left half-negotiated
            }
            finally
            {
                silent.Stop();
            }
        }
    }
}
