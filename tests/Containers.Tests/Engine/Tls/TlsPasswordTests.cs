using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Tls
{
    /// <summary>
    /// Password-protected client keys and PFX files, made by openssl from the TLS engine's client certificates, opened with
    /// their password and used against the real --tlsverify dockerd; wrong and missing passwords name the file.
    /// </summary>
    [RequiresEngine]
    public sealed class TlsPasswordTests : IClassFixture<TlsEngineFixture>
    {
        private readonly TlsEngineFixture _engine;
        private readonly TlsPasswordFiles _files;

        public TlsPasswordTests(TlsEngineFixture engine)
        {
            _engine = engine;
            _files = TlsPasswordFiles.For(engine.Certificates);
        }

        public static TheoryData<string, string> KeyFolders()
        {
            var data = new TheoryData<string, string>();
            foreach ((string folder, string password) in TlsPasswordFiles.KeyFolders)
            {
                data.Add(folder, password);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(KeyFolders))]
        public async Task An_encrypted_key_opened_with_its_password_connects(string folder, string password)
        {
            string directory = _engine.Certificates.Folder(folder);
            Assert.Contains("ENCRYPTED", File.ReadAllText(Path.Combine(directory, "key.pem")), StringComparison.Ordinal);
            TlsSettings settings = TlsSettings.LoadFromDirectory(directory, verifyServer: true, SecureStrings.From(password));
            Assert.True(settings.ClientCertificate!.HasPrivateKey);

            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), settings);
            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
        }

        [Theory]
        [MemberData(nameof(KeyFolders))]
        public void A_wrong_password_is_refused_naming_the_key_file(string folder, string password)
        {
            string directory = _engine.Certificates.Folder(folder);
            var error = Assert.Throws<EngineConnectionException>(
                () => TlsSettings.LoadFromDirectory(directory, verifyServer: true, SecureStrings.From(password + "x")));
            Assert.Contains(Path.Combine(directory, "key.pem"), error.Message, StringComparison.Ordinal);
            Assert.Contains("password given does not decrypt it", error.Message, StringComparison.Ordinal);
            Assert.True(Assert.IsType<PrivateKeyPasswordException>(error.InnerException).PasswordGiven);
        }

        [Fact]
        public void An_unencrypted_key_ignores_a_password()
        {
            TlsSettings settings = TlsSettings.LoadFromDirectory(_engine.Certificates.RsaPkcs8, verifyServer: true, SecureStrings.From("unused"));
            Assert.True(settings.ClientCertificate!.HasPrivateKey);
        }

        [Theory]
        [InlineData("client.pfx")]
        [InlineData("client-sha1-3des.pfx")]
        public async Task A_pfx_opened_with_its_password_connects(string file)
        {
            using var certificate = Pkcs12File.LoadClientCertificate(Path.Combine(_engine.Certificates.Root, "password", file), SecureStrings.From(TlsPasswordFiles.Password));
            Assert.True(certificate.HasPrivateKey);
            var settings = new TlsSettings(Authorities(), certificate, verifyServer: true);
            using var client = new EngineClient(EngineEndpoint.Parse(_engine.Address), settings);
            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
        }

        [Fact]
        public void A_pfx_without_a_password_opens_without_one()
        {
            using var certificate = Pkcs12File.LoadClientCertificate(_files.UnprotectedPfx, null);
            Assert.True(certificate.HasPrivateKey);
        }

        [Fact]
        public void A_pfx_with_a_wrong_or_missing_password_is_refused_naming_the_file()
        {
            var wrong = Assert.Throws<EngineConnectionException>(() => Pkcs12File.LoadClientCertificate(_files.Pfx, SecureStrings.From("wrong")));
            Assert.Contains(_files.Pfx, wrong.Message, StringComparison.Ordinal);
            Assert.Contains("password", wrong.Message, StringComparison.Ordinal);
            Assert.True(Assert.IsType<PrivateKeyPasswordException>(wrong.InnerException).PasswordGiven);

            var missing = Assert.Throws<EngineConnectionException>(() => Pkcs12File.LoadClientCertificate(_files.Pfx, null));
            Assert.Contains(_files.Pfx, missing.Message, StringComparison.Ordinal);
            Assert.Contains("-KeyPassword", missing.Message, StringComparison.Ordinal);
            Assert.False(Assert.IsType<PrivateKeyPasswordException>(missing.InnerException).PasswordGiven);
        }

        [Fact]
        public void A_pfx_without_a_key_or_a_file_that_is_no_pfx_is_refused_naming_it()
        {
            var noKey = Assert.Throws<EngineConnectionException>(() => Pkcs12File.LoadClientCertificate(_files.CertificateOnlyPfx, SecureStrings.From(TlsPasswordFiles.Password)));
            Assert.Contains(_files.CertificateOnlyPfx, noKey.Message, StringComparison.Ordinal);
            Assert.Contains("no private key", noKey.Message, StringComparison.Ordinal);

            var pem = Assert.Throws<EngineConnectionException>(() => Pkcs12File.LoadClientCertificate(_files.ClientCertificatePem, null));
            Assert.Contains("is not a PKCS#12", pem.Message, StringComparison.Ordinal);

            string missingFile = Path.Combine(_engine.Certificates.Root, "no-such.pfx");
            var missing = Assert.Throws<EngineConnectionException>(() => Pkcs12File.LoadClientCertificate(missingFile, null));
            Assert.Contains(missingFile, missing.Message, StringComparison.Ordinal);
        }

        private System.Security.Cryptography.X509Certificates.X509Certificate2Collection Authorities() =>
            TlsSettings.LoadFromDirectory(_engine.Certificates.NoClientCertificate, verifyServer: true).Authorities;
    }
}
