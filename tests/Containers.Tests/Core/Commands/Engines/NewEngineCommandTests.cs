using System.Security.Cryptography.X509Certificates;
using Containers.Commands.Engines;
using Containers.Engine;
using Containers.Engine.Configuration;
using Containers.Engine.Errors;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.EngineSelection.Certificates;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Engine.Tls;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Engines
{
    /// <summary>
    /// New-ContainerEngine, and the TLS parameters it shares with Connect-ContainerEngine (<see cref="EngineTlsOptions"/>),
    /// against the real --tlsverify dockerd: certificates as objects, PFX files and encrypted keys with their passwords,
    /// and each way of getting them wrong, reported as the parameter at fault before any connection.
    /// </summary>
    /// <remarks>
    /// The handshakes here use the settings in a client of their own: the process-wide engine directory keeps one client
    /// per address and client certificate, and would let a wrong authority ride on a client an earlier test made.
    /// </remarks>
    [RequiresEngine]
    public sealed class NewEngineCommandTests : IClassFixture<TlsEngineFixture>, IDisposable
    {
        private readonly TlsEngineFixture _tls;
        private readonly TlsPasswordFiles _files;
        private readonly MadeUpEngineSetup _setup = new MadeUpEngineSetup("containers-new-engine-");

        public NewEngineCommandTests(TlsEngineFixture tls)
        {
            _tls = tls;
            _files = TlsPasswordFiles.For(tls.Certificates);
        }

        public void Dispose() => _setup.Dispose();

        private X509Certificate2 Authority => X509CertificateLoader.LoadCertificateFromFile(_tls.Certificates.AuthorityCertificate);

        private X509Certificate2 WrongAuthority => X509CertificateLoader.LoadCertificateFromFile(Path.Combine(_tls.Certificates.WrongAuthority, "ca.pem"));

        /// <summary>The RSA client certificate with its private key, as an object (what Get-AutomationCertificate gives).</summary>
        private X509Certificate2 ClientWithKey => TlsSettings.LoadFromDirectory(_tls.Certificates.RsaPkcs8, verifyServer: true).ClientCertificate!;

        [Fact]
        public void New_returns_an_engine_object_without_connecting_or_changing_the_session()
        {
            string nobody = $"tcp://127.0.0.1:{LoopbackPort.Free()}";
            var output = new RecordingOutput();
            ContainerEngine engine = new NewEngineCommand(_setup.Selector) { Uri = nobody }.Execute(output)!;

            Assert.Same(engine, Assert.Single(output.Objects));
            Assert.Equal(nobody, engine.Uri);
            Assert.Equal(EngineSources.Parameter, engine.Source);
            Assert.False(engine.UsesTls);
            Assert.Null(EngineSession.GetDefault(_setup.Session));
        }

        [Fact]
        public async Task A_certificate_object_with_its_authority_gives_a_tls_engine_that_answers()
        {
            var output = new RecordingOutput();
            ContainerEngine engine = new NewEngineCommand(_setup.Selector)
            {
                Uri = _tls.Address,
                Tls = { Certificate = ClientWithKey, CaCertificate = new[] { Authority } },
            }.Execute(output)!;

            Assert.True(engine.UsesTls);
            ContainerEngineInfo info = await EngineInfo.LoadAsync(engine, default);
            Assert.Equal("1.41", info.ApiVersion);
            Assert.Null(EngineSession.GetDefault(_setup.Session));
        }

        [Fact]
        public void WhatIf_still_checks_the_material_and_returns_nothing()
        {
            var output = new RecordingOutput { Approve = false };
            Assert.Null(new NewEngineCommand(_setup.Selector) { Uri = _tls.Address, Tls = { CertificatePath = _tls.Certificates.RsaPkcs8 } }.Execute(output));
            Assert.Empty(output.Objects);

            var bad = Assert.Throws<InvalidParameterException>(
                () => new NewEngineCommand(_setup.Selector) { Uri = _tls.Address, Tls = { CertificatePath = _tls.Certificates.EncryptedPkcs8 } }.Execute(output));
            Assert.Equal("InvalidCertificatePath", ErrorClassifier.Classify(bad, null).ErrorId);
        }

        [Fact]
        public async Task A_certificate_object_connects_and_without_verification_needs_no_authority()
        {
            await AssertConnects(new EngineTlsOptions { Certificate = ClientWithKey, CaCertificate = new[] { WrongAuthority, Authority } });
            await AssertConnects(new EngineTlsOptions { Certificate = ClientWithKey, SkipCertificateCheck = true }, _tls.UnlistedAddress);
        }

        [Fact]
        public void A_certificate_without_its_private_key_is_refused_before_any_connection()
        {
            using var withoutKey = X509CertificateLoader.LoadCertificateFromFile(_files.ClientCertificatePem);
            CommandError error = Refused(new EngineTlsOptions { Certificate = withoutKey, CaCertificate = new[] { Authority } });
            Assert.Equal("InvalidCertificate", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Contains("no private key", error.Message, StringComparison.Ordinal);
            Assert.Contains(withoutKey.Thumbprint, error.Message, StringComparison.Ordinal);
            Assert.Same(withoutKey, error.Target);
        }

        [Fact]
        public async Task A_wrong_authority_object_refuses_the_engines_certificate()
        {
            TlsSettings settings = new EngineTlsOptions { Certificate = ClientWithKey, CaCertificate = new[] { WrongAuthority } }.ToSettings()!;
            using var client = new EngineClient(EngineEndpoint.Parse(_tls.Address), settings);
            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
            Assert.True(error.Message.Contains("untrusted CA", StringComparison.Ordinal), error.ToString());
        }

        [Fact]
        public void Without_an_authority_or_SkipCertificateCheck_a_certificate_is_refused()
        {
            CommandError error = Refused(new EngineTlsOptions { Certificate = ClientWithKey });
            Assert.Equal("InvalidCaCertificate", error.ErrorId);
            Assert.Contains("-SkipCertificateCheck", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_pfx_file_connects_with_its_password_and_a_wrong_or_missing_one_names_the_file()
        {
            await AssertConnects(new EngineTlsOptions { CertificateFile = _files.Pfx, KeyPassword = SecureStrings.From(TlsPasswordFiles.Password), CaCertificate = new[] { Authority } });

            CommandError wrong = Refused(new EngineTlsOptions { CertificateFile = _files.Pfx, KeyPassword = SecureStrings.From("wrong"), CaCertificate = new[] { Authority } });
            Assert.Equal("InvalidKeyPassword", wrong.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, wrong.Kind);
            Assert.Equal(_files.Pfx, wrong.Target);
            Assert.Contains(_files.Pfx, wrong.Message, StringComparison.Ordinal);

            CommandError missing = Refused(new EngineTlsOptions { CertificateFile = _files.Pfx, CaCertificate = new[] { Authority } });
            Assert.Equal("InvalidCertificateFile", missing.ErrorId);
            Assert.Contains("-KeyPassword", missing.Message, StringComparison.Ordinal);

            CommandError noKey = Refused(new EngineTlsOptions { CertificateFile = _files.CertificateOnlyPfx, KeyPassword = SecureStrings.From(TlsPasswordFiles.Password), CaCertificate = new[] { Authority } });
            Assert.Equal("InvalidCertificateFile", noKey.ErrorId);
            Assert.Contains("no private key", noKey.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_encrypted_key_folder_connects_with_KeyPassword_and_without_it_asks_for_it()
        {
            string folder = _tls.Certificates.EncryptedPkcs8;
            await AssertConnects(new EngineTlsOptions { CertificatePath = folder, KeyPassword = SecureStrings.From(TlsPasswordFiles.Password) });

            CommandError missing = Refused(new EngineTlsOptions { CertificatePath = folder });
            Assert.Equal("InvalidCertificatePath", missing.ErrorId);
            Assert.Contains(Path.Combine(folder, "key.pem"), missing.Message, StringComparison.Ordinal);
            Assert.Contains("-KeyPassword", missing.Message, StringComparison.Ordinal);

            CommandError wrong = Refused(new EngineTlsOptions { CertificatePath = _tls.Certificates.EncryptedLegacy, KeyPassword = SecureStrings.From("wrong") });
            Assert.Equal("InvalidKeyPassword", wrong.ErrorId);
            Assert.Contains(Path.Combine(_tls.Certificates.EncryptedLegacy, "key.pem"), wrong.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("CertificateFile", "both give the client certificate")]
        [InlineData("KeyPassword", "-KeyPassword opens an encrypted key.pem")]
        [InlineData("CaCertificate", "ca.pem")]
        [InlineData("SkipCertificateCheck", "goes with a client certificate")]
        public void Parameters_that_do_not_go_together_are_refused_naming_one_of_them(string parameter, string reason)
        {
            EngineTlsOptions options = parameter switch
            {
                "CertificateFile" => new EngineTlsOptions { Certificate = ClientWithKey, CertificateFile = _files.Pfx },
                "KeyPassword" => new EngineTlsOptions { Certificate = ClientWithKey, KeyPassword = SecureStrings.From("x"), CaCertificate = new[] { Authority } },
                "CaCertificate" => new EngineTlsOptions { CertificatePath = _tls.Certificates.RsaPkcs8, CaCertificate = new[] { Authority } },
                _ => new EngineTlsOptions { SkipCertificateCheck = true },
            };
            CommandError error = Refused(options);
            Assert.Equal("Invalid" + parameter, error.ErrorId);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void TLS_parameters_without_Uri_are_refused()
        {
            var error = Assert.Throws<InvalidParameterException>(
                () => new NewEngineCommand(_setup.Selector) { Tls = { Certificate = ClientWithKey } }.Execute(new RecordingOutput()));
            Assert.Equal("Certificate", error.ParamName);
            Assert.Contains("goes with -Uri", error.Message, StringComparison.Ordinal);
        }

        private async Task AssertConnects(EngineTlsOptions options, string? address = null)
        {
            using var client = new EngineClient(EngineEndpoint.Parse(address ?? _tls.Address), options.ToSettings());
            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
        }

        private static CommandError Refused(EngineTlsOptions options)
        {
            var exception = Assert.Throws<InvalidParameterException>(() => options.ToSettings());
            return ErrorClassifier.Classify(exception, null);
        }
    }
}
