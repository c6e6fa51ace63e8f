using System.Diagnostics;
using Containers.Commands.Engines;
using Containers.Engine.Configuration;
using Containers.Engine.Errors;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Engine;
using Containers.Tests.Engine.Tls;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Engines
{
    /// <summary>
    /// Connect- and Disconnect-ContainerEngine against the private engine and a --tlsverify engine, with the environment
    /// made up by the test (an empty home, its own DOCKER_CONFIG), so nothing of this machine's docker setup leaks in.
    /// </summary>
    public sealed class ConnectEngineCommandTests : EngineTest, IClassFixture<TlsEngineFixture>, IDisposable
    {
        private readonly TlsEngineFixture _tlsEngine;
        private readonly MadeUpEngineSetup _setup = new MadeUpEngineSetup("containers-connect-");

        public ConnectEngineCommandTests(TlsEngineFixture tlsEngine)
        {
            _tlsEngine = tlsEngine;
        }

        public void Dispose()
        {
            _setup.Dispose();
        }

        [Fact]
        public async Task Connect_checks_the_engine_makes_it_the_sessions_default_and_Disconnect_forgets_it()
        {
            var output = new RecordingOutput();
            ContainerEngineInfo connected = await new ConnectEngineCommand(_setup.Selector) { Uri = Private.Endpoint.ToString() }.ExecuteAsync(_setup.Session, output, default);

            Assert.Same(connected, Assert.Single(output.Objects));
            Assert.Equal("1.41", connected.ApiVersion);
            Assert.Equal(Private.Endpoint.ToString(), connected.Uri);
            Assert.Equal(EngineSources.Parameter, connected.Source);
            Assert.Same(connected.Engine, _setup.Selector.Select(null, _setup.Session));
            Assert.NotSame(connected.Engine, _setup.Selector.Select(null, "another-session"));

            // The environment's engine here is the platform default, which does not run on this machine.
            var disconnect = new RecordingOutput();
            await new DisconnectEngineCommand(_setup.Selector) { PassThru = true }.ExecuteAsync(_setup.Session, disconnect, default);
            Assert.Null(EngineSession.GetDefault(_setup.Session));
            ContainerEngineInfo after = Assert.IsType<ContainerEngineInfo>(Assert.Single(disconnect.Objects));
            Assert.Equal("default", after.Source);
            Assert.NotEqual(connected.Uri, after.Uri);
            Assert.Null(after.ApiVersion);
            Assert.Contains(disconnect.Verbose, line => line.Contains("did not answer", StringComparison.Ordinal));

            var again = new RecordingOutput();
            await new DisconnectEngineCommand(_setup.Selector).ExecuteAsync(_setup.Session, again, default);
            Assert.Empty(again.Objects);
            Assert.Contains(again.Verbose, line => line.Contains("No engine was chosen", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Disconnect_PassThru_describes_the_environments_engine_when_it_answers()
        {
            FakeEngineEnvironment environment = _setup.NewEnvironment();
            environment["DOCKER_HOST"] = Private.Endpoint.ToString();
            var selector = new EngineSelector(environment);
            await new ConnectEngineCommand(selector) { Uri = _tlsEngine.Address, Tls = { CertificatePath = _tlsEngine.Certificates.RsaPkcs8 } }.ExecuteAsync(_setup.Session, new RecordingOutput(), default);

            var output = new RecordingOutput();
            await new DisconnectEngineCommand(selector) { PassThru = true }.ExecuteAsync(_setup.Session, output, default);
            ContainerEngineInfo after = Assert.IsType<ContainerEngineInfo>(Assert.Single(output.Objects));
            Assert.Equal(("DOCKER_HOST", Private.Endpoint.ToString()), (after.Source, after.Uri));
            Assert.Equal("1.41", after.ApiVersion);
            Assert.Same(after.Engine, selector.Select(null, _setup.Session));
        }

        [Fact]
        public async Task An_engine_that_does_not_answer_is_a_ConnectionError_and_the_session_keeps_its_engine()
        {
            ContainerEngineInfo first = await new ConnectEngineCommand(_setup.Selector) { Uri = Private.Endpoint.ToString() }.ExecuteAsync(_setup.Session, new RecordingOutput(), default);

            var clock = Stopwatch.StartNew();
            var output = new RecordingOutput();
            Exception failure = await Assert.ThrowsAnyAsync<Exception>(
                () => new ConnectEngineCommand(_setup.Selector) { Uri = "tcp://127.0.0.1:1" }.ExecuteAsync(_setup.Session, output, default));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");

            CommandError error = ErrorClassifier.Classify(failure, null);
            Assert.Equal("EngineUnreachable", error.ErrorId);
            Assert.Equal(ErrorKind.ConnectionError, error.Kind);
            Assert.Empty(output.Objects);
            Assert.Same(first.Engine, EngineSession.GetDefault(_setup.Session));
        }

        [Fact]
        public async Task A_docker_context_is_connected_by_name_and_an_unknown_one_blames_Context()
        {
            string name = PrivateEngine.UniqueName("ctx");
            WriteContext(name, Private.Endpoint.ToString());

            ContainerEngineInfo engine = await new ConnectEngineCommand(_setup.Selector) { Context = name }.ExecuteAsync(_setup.Session, new RecordingOutput(), default);
            Assert.Equal(name, engine.Name);
            Assert.Equal(Private.Endpoint.ToString(), engine.Uri);
            Assert.Equal("1.41", engine.ApiVersion);

            var unknown = await Assert.ThrowsAsync<InvalidParameterException>(
                () => new ConnectEngineCommand(_setup.Selector) { Context = "no-such-context" }.ExecuteAsync(_setup.Session, new RecordingOutput(), default));
            Assert.Equal("InvalidContext", ErrorClassifier.Classify(unknown, null).ErrorId);
            Assert.Contains("no-such-context", unknown.Message);
            Assert.Same(engine.Engine, EngineSession.GetDefault(_setup.Session));
        }

        [Fact]
        public async Task A_certificate_folder_connects_to_a_tlsverify_engine_and_a_bad_one_blames_CertificatePath()
        {
            ContainerEngineInfo engine = await new ConnectEngineCommand(_setup.Selector)
            {
                Uri = _tlsEngine.Address,
                Tls = { CertificatePath = _tlsEngine.Certificates.RsaPkcs8 },
            }.ExecuteAsync(_setup.Session, new RecordingOutput(), default);
            Assert.True(engine.UsesTls);
            Assert.Equal("1.41", engine.ApiVersion);

            string missing = Path.Combine(_setup.Root, "no-such-folder");
            var bad = await Assert.ThrowsAsync<InvalidParameterException>(
                () => new ConnectEngineCommand(_setup.Selector) { Uri = _tlsEngine.Address, Tls = { CertificatePath = missing } }.ExecuteAsync(_setup.Session, new RecordingOutput(), default));
            CommandError error = ErrorClassifier.Classify(bad, null);
            Assert.Equal("InvalidCertificatePath", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Contains(missing, error.Message);

            var alone = await Assert.ThrowsAsync<InvalidParameterException>(
                () => new ConnectEngineCommand(_setup.Selector) { Tls = { CertificatePath = _tlsEngine.Certificates.RsaPkcs8 } }.ExecuteAsync(_setup.Session, new RecordingOutput(), default));
            Assert.Equal("CertificatePath", alone.ParamName);
            Assert.Same(engine.Engine, EngineSession.GetDefault(_setup.Session));
        }

        [Fact]
        public async Task A_bad_address_blames_Uri_and_SkipCertificateCheck_alone_is_refused()
        {
            var bad = await Assert.ThrowsAsync<InvalidParameterException>(
                () => new ConnectEngineCommand(_setup.Selector) { Uri = "ftp://example.invalid" }.ExecuteAsync(_setup.Session, new RecordingOutput(), default));
            CommandError error = ErrorClassifier.Classify(bad, null);
            Assert.Equal("InvalidUri", error.ErrorId);
            Assert.Contains("ftp://example.invalid", error.Message);

            var alone = await Assert.ThrowsAsync<InvalidParameterException>(
                () => new ConnectEngineCommand(_setup.Selector) { Uri = Private.Endpoint.ToString(), Tls = { SkipCertificateCheck = true } }.ExecuteAsync(_setup.Session, new RecordingOutput(), default));
            Assert.Equal("SkipCertificateCheck", alone.ParamName);
            Assert.Null(EngineSession.GetDefault(_setup.Session));
        }

        [Fact]
        public async Task A_tls_engine_without_a_client_certificate_refuses_the_connection_and_nothing_changes()
        {
            var refused = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new ConnectEngineCommand(_setup.Selector) { Uri = _tlsEngine.Address, Tls = { CertificatePath = _tlsEngine.Certificates.NoClientCertificate } }
                    .ExecuteAsync(_setup.Session, new RecordingOutput(), default));
            Assert.Contains("client certificate", refused.Message);
            Assert.Null(EngineSession.GetDefault(_setup.Session));
        }

        private void WriteContext(string name, string host)
        {
            string folder = Path.Combine(_setup.Root, "docker-config", "contexts", "meta", DockerContextStore.DirectoryNameFor(name));
            Directory.CreateDirectory(folder);
            File.WriteAllText(
                Path.Combine(folder, "meta.json"),
                "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        }
    }
}
