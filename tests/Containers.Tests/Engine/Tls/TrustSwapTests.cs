using Containers.Commands.Engines;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.Tls;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Tls
{
    /// <summary>
    /// TLS trust as the user names it, command after command in one process, against a --tlsverify dockerd and
    /// certificates from two unrelated authorities: an engine once reached with the right folder must never answer for a
    /// wrong one (another CA, a client certificate of the other CA), a changed DOCKER_CERT_PATH or a changed file counts
    /// at the next command, a corrected folder works at once after a refusal, and unchanged trust keeps reusing its
    /// kept-alive connection. Everything goes through <see cref="EngineSelector"/> and the process-wide
    /// <see cref="EngineDirectory"/>, as the cmdlets do; the environment is a <see cref="FakeEngineEnvironment"/>.
    /// </summary>
    [RequiresEngine]
    public sealed class TrustSwapTests : IClassFixture<TlsEngineFixture>, IDisposable
    {
        private readonly TlsEngineFixture _engine;
        private readonly MadeUpEngineSetup _setup = new MadeUpEngineSetup("containers-trust-");

        public TrustSwapTests(TlsEngineFixture engine)
        {
            _engine = engine;
        }

        private TlsTestCertificates Certificates => _engine.Certificates;

        public void Dispose()
        {
            _setup.Dispose();
        }

        [Fact]
        public async Task Connect_with_the_good_folder_then_Disconnect_then_Connect_with_the_wrong_ca_is_refused()
        {
            ContainerEngineInfo good = await ConnectAsync(Certificates.RsaPkcs8);
            Assert.Equal("1.41", good.ApiVersion);
            await new DisconnectEngineCommand(_setup.Selector).ExecuteAsync(_setup.Session, new RecordingOutput(), default);

            // The same client certificate, a ca.pem of an authority that did not sign the engine's certificate.
            EngineConnectionException refused = await Assert.ThrowsAsync<EngineConnectionException>(() => ConnectAsync(Certificates.WrongAuthority));
            AssertUnknownAuthority(refused);
            Assert.Null(EngineSession.GetDefault(_setup.Session));

            // And the good engine, held by objects of before, still answers with its own trust.
            Assert.True(await new TestEngineCommand().TestAsync(good.Engine, new RecordingOutput(), default));
        }

        [Fact]
        public async Task A_client_certificate_of_the_other_authority_is_refused_right_after_the_good_one_worked()
        {
            Assert.Equal("1.41", (await ConnectAsync(Certificates.RsaPkcs8)).ApiVersion);

            EngineConnectionException refused = await Assert.ThrowsAsync<EngineConnectionException>(() => ConnectAsync(Certificates.ClientFromWrongAuthority));
            Assert.Contains("refused our client certificate", refused.Message, StringComparison.Ordinal);
            Assert.Contains("containers-stranger", refused.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_corrected_folder_works_at_once_after_a_refusal()
        {
            AssertUnknownAuthority(await Assert.ThrowsAsync<EngineConnectionException>(() => ConnectAsync(Certificates.WrongAuthority)));
            Assert.Equal("1.41", (await ConnectAsync(Certificates.RsaPkcs8)).ApiVersion);

            await Assert.ThrowsAsync<EngineConnectionException>(() => ConnectAsync(Certificates.ClientFromWrongAuthority));
            Assert.Equal("1.41", (await ConnectAsync(Certificates.EcSec1)).ApiVersion);
        }

        [Fact]
        public async Task DOCKER_CERT_PATH_changed_between_commands_counts_at_the_next_command()
        {
            FakeEngineEnvironment environment = TlsEnvironment(_engine.Address, Certificates.WrongAuthority);
            var selector = new EngineSelector(environment);

            // A wrong folder first: refused, through the environment's engine and through -Engine with the address.
            AssertUnknownAuthority(await Assert.ThrowsAsync<EngineConnectionException>(() => ListAsync(selector.Select(null, _setup.Session))));
            AssertUnknownAuthority(await Assert.ThrowsAsync<EngineConnectionException>(() => ListAsync(selector.FromArgument(_engine.Address, _setup.Session))));

            // Corrected: the very next command works, both ways.
            environment["DOCKER_CERT_PATH"] = Certificates.RsaPkcs8;
            await ListAsync(selector.Select(null, _setup.Session));
            await ListAsync(selector.FromArgument(_engine.Address, _setup.Session));

            // Swapped to the wrong CA again after working: refused again, both ways.
            environment["DOCKER_CERT_PATH"] = Certificates.WrongAuthority;
            AssertUnknownAuthority(await Assert.ThrowsAsync<EngineConnectionException>(() => ListAsync(selector.Select(null, _setup.Session))));
            AssertUnknownAuthority(await Assert.ThrowsAsync<EngineConnectionException>(() => ListAsync(selector.FromArgument(_engine.Address, _setup.Session))));

            // A client certificate of the other authority, then one of the engine's again.
            environment["DOCKER_CERT_PATH"] = Certificates.ClientFromWrongAuthority;
            EngineConnectionException stranger = await Assert.ThrowsAsync<EngineConnectionException>(() => ListAsync(selector.Select(null, _setup.Session)));
            Assert.Contains("refused our client certificate", stranger.Message, StringComparison.Ordinal);
            environment["DOCKER_CERT_PATH"] = Certificates.EcSec1;
            await ListAsync(selector.Select(null, _setup.Session));

            // Verification turned off (DOCKER_TLS instead of DOCKER_TLS_VERIFY) is trust of its own: the wrong CA then connects.
            environment["DOCKER_TLS_VERIFY"] = null;
            environment["DOCKER_TLS"] = "1";
            environment["DOCKER_CERT_PATH"] = Certificates.WrongAuthority;
            await ListAsync(selector.Select(null, _setup.Session));
        }

        [Fact]
        public async Task Files_changed_in_the_same_folder_are_read_again_for_the_next_command()
        {
            string folder = Path.Combine(_setup.Root, "certs");
            CopyFolder(Certificates.RsaPkcs8, folder);
            FakeEngineEnvironment environment = TlsEnvironment(_engine.Address, folder);
            var selector = new EngineSelector(environment);

            ContainerEngine first = selector.Select(null, _setup.Session);
            await ListAsync(first);

            // Unchanged files are not parsed again: the same certificate object, the same engine and connections.
            ContainerEngine again = selector.Select(null, _setup.Session);
            Assert.Same(first, again);
            Assert.Same(first.Client.Tls!.ClientCertificate, again.Client.Tls!.ClientCertificate);

            // ca.pem replaced by the other authority's, in place.
            CopyFile(Path.Combine(Certificates.WrongAuthority, TlsSettings.AuthorityFileName), Path.Combine(folder, TlsSettings.AuthorityFileName));
            AssertUnknownAuthority(await Assert.ThrowsAsync<EngineConnectionException>(() => ListAsync(selector.Select(null, _setup.Session))));

            // Put back, and the client pair swapped for the EC one: read again, and it works.
            CopyFolder(Certificates.EcSec1, folder);
            ContainerEngine swapped = selector.Select(null, _setup.Session);
            await ListAsync(swapped);
            Assert.Contains("ec-client", swapped.Client.Tls!.ClientCertificate!.Subject, StringComparison.Ordinal);

            // The folder moved away and another put in its place (the usual way of rotating certificates).
            Directory.Move(folder, folder + ".old");
            CopyFolder(Certificates.ClientFromWrongAuthority, folder);
            EngineConnectionException stranger = await Assert.ThrowsAsync<EngineConnectionException>(() => ListAsync(selector.Select(null, _setup.Session)));
            Assert.Contains("refused our client certificate", stranger.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Two_folders_with_the_same_files_are_the_same_trust_and_share_one_engine()
        {
            // Trust is the material, not where it lies: a copy of the good folder reaches the same engine and connections.
            string copy = Path.Combine(_setup.Root, "copy-of-good");
            CopyFolder(Certificates.RsaPkcs8, copy);
            FakeEngineEnvironment environment = TlsEnvironment(_engine.Address, Certificates.RsaPkcs8);
            var selector = new EngineSelector(environment);
            ContainerEngine original = selector.Select(null, _setup.Session);
            await ListAsync(original);

            environment["DOCKER_CERT_PATH"] = copy;
            Assert.Same(original, selector.Select(null, _setup.Session));

            // The same files with verification off are other trust.
            environment["DOCKER_TLS_VERIFY"] = null;
            environment["DOCKER_TLS"] = "1";
            Assert.NotSame(original, selector.Select(null, _setup.Session));
        }

        [Fact]
        public async Task Repeated_commands_with_unchanged_trust_reuse_their_kept_alive_connection_across_trust_changes()
        {
            using var forwarder = new CountingTcpForwarder(_engine.Port);
            FakeEngineEnvironment environment = TlsEnvironment(forwarder.Address, Certificates.RsaPkcs8);
            var selector = new EngineSelector(environment);

            // Each round is a command as a cmdlet runs it: the engine chosen afresh (the files read, the variables looked
            // at), then a listing and an inspect.
            await CommandsAsync(selector, 1);
            int afterFirst = forwarder.Accepted;
            Assert.Equal(1, afterFirst);
            await CommandsAsync(selector, 30);
            Assert.Equal(afterFirst, forwarder.Accepted);

            // Other trust: a connection of its own, then kept alive in turn.
            environment["DOCKER_CERT_PATH"] = Certificates.EcSec1;
            await CommandsAsync(selector, 30);
            Assert.Equal(afterFirst + 1, forwarder.Accepted);

            // Back to the first: its pool still has its connection (or, had the engine dropped it meanwhile, one new one).
            environment["DOCKER_CERT_PATH"] = Certificates.RsaPkcs8;
            await CommandsAsync(selector, 1);
            int back = forwarder.Accepted;
            Assert.InRange(back, afterFirst + 1, afterFirst + 2);
            await CommandsAsync(selector, 30);
            Assert.Equal(back, forwarder.Accepted);
        }

        [Fact]
        public void The_docker_cli_refuses_the_wrong_ca_folder_too()
        {
            // The reference behaviour the refusals above follow: docker --tlsverify with the same files.
            var refused = Assert.Throws<InvalidOperationException>(() => RunDockerCli(Certificates.WrongAuthority));
            Assert.Contains("certificate signed by unknown authority", refused.Message, StringComparison.Ordinal);
            Assert.Equal("1.41", RunDockerCli(Certificates.RsaPkcs8).Trim());
        }

        private static void AssertUnknownAuthority(EngineConnectionException refused)
        {
            Assert.Contains("certificate signed by unknown authority", refused.Message, StringComparison.Ordinal);
            Assert.Contains("containers-test-ca", refused.Message, StringComparison.Ordinal);
            CommandError error = ErrorClassifier.Classify(refused, null);
            Assert.Equal("EngineUnreachable", error.ErrorId);
            Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        }

        private Task<ContainerEngineInfo> ConnectAsync(string folder) =>
            new ConnectEngineCommand(_setup.Selector) { Uri = _engine.Address, Tls = { CertificatePath = folder } }.ExecuteAsync(_setup.Session, new RecordingOutput(), default);

        private static Task<List<ContainerSummary>> ListAsync(ContainerEngine engine) =>
            engine.Client.Containers.ListAsync(new ContainerListParameters { All = true });

        private async Task CommandsAsync(EngineSelector selector, int count)
        {
            for (int i = 0; i < count; i++)
            {
                ContainerEngine engine = selector.Select(null, _setup.Session);
                await ListAsync(engine);
                await engine.Client.System.VersionAsync();
            }
        }

        private FakeEngineEnvironment TlsEnvironment(string address, string certificateFolder)
        {
            FakeEngineEnvironment environment = _setup.NewEnvironment();
            environment["DOCKER_HOST"] = address;
            environment["DOCKER_TLS_VERIFY"] = "1";
            environment["DOCKER_CERT_PATH"] = certificateFolder;
            return environment;
        }

        private static void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string name in new[] { TlsSettings.AuthorityFileName, TlsSettings.CertificateFileName, TlsSettings.KeyFileName })
            {
                CopyFile(Path.Combine(from, name), Path.Combine(to, name));
            }
        }

        /// <summary>Written anew, as an editor or a certificate rotation writes it (File.Copy would keep the source's time).</summary>
        private static void CopyFile(string from, string to) => File.WriteAllBytes(to, File.ReadAllBytes(from));

        private string RunDockerCli(string folder) =>
            _engine.RunDockerCli(folder, Path.Combine(_setup.Root, "docker-cli-config"), "version", "--format", "{{.Server.APIVersion}}");
    }
}
