using System.Security.Cryptography.X509Certificates;
using Containers.Provisioning.Certificates;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Certificates
{
    /// <summary>Certificates written with AsnWriter, read back by OpenSSL (verify, x509 -text) and by .NET.</summary>
    public sealed class CertificateAuthorityTests : IClassFixture<CertificateAuthorityTests.RsaCertificates>, IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "containers-ca-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly RsaCertificates _rsa;

        public CertificateAuthorityTests(RsaCertificates rsa)
        {
            _rsa = rsa;
            Directory.CreateDirectory(_folder);
        }

        /// <summary>One RSA authority and its server and client certificates, made once: RSA keys take long on a busy machine.</summary>
        public sealed class RsaCertificates : IDisposable
        {
            public RsaCertificates()
            {
                Authority = CertificateAuthority.Create("test CA");
                Server = Authority.IssueServer("web1", ServerNames);
                Client = Authority.IssueClient("client");
            }

            public CertificateAuthority Authority { get; }

            public IssuedCertificate Server { get; }

            public IssuedCertificate Client { get; }

            public void Dispose() => Authority.Dispose();
        }

        private static readonly string[] ServerNames = { "10.231.0.7", "web1.example.com", "[fd00::7]" };

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void Openssl_verifies_rsa_server_and_client_certificates_for_their_purposes() =>
            VerifyPurposes(_rsa.Authority, _rsa.Server, _rsa.Client);

        [Fact]
        public void Openssl_verifies_ec_server_and_client_certificates_for_their_purposes()
        {
            using CertificateAuthority authority = CertificateAuthority.Create("test CA", CertificateKeyAlgorithm.EcdsaP256);
            VerifyPurposes(authority, authority.IssueServer("web1", ServerNames), authority.IssueClient("client"));
        }

        private void VerifyPurposes(CertificateAuthority authority, IssuedCertificate server, IssuedCertificate client)
        {
            string ca = Write("ca.pem", authority.CertificatePem);
            string serverFile = Write("server.pem", server.CertificatePem);
            string clientFile = Write("client.pem", client.CertificatePem);

            Assert.Contains(": OK", Openssl("verify", "-CAfile", ca, "-purpose", "sslserver", "-x509_strict", serverFile));
            Assert.Contains(": OK", Openssl("verify", "-CAfile", ca, "-purpose", "sslclient", "-x509_strict", clientFile));
            Assert.Contains(": OK", Openssl("verify", "-CAfile", ca, "-verify_ip", "10.231.0.7", serverFile));
            Assert.Contains(": OK", Openssl("verify", "-CAfile", ca, "-verify_hostname", "web1.example.com", serverFile));
            Assert.Contains(": OK", Openssl("verify", "-CAfile", ca, "-verify_hostname", "localhost", serverFile));
            Assert.Contains(": OK", Openssl("verify", "-CAfile", ca, "-verify_ip", "127.0.0.1", serverFile));

            // A client certificate is not a server certificate, and the other way round.
            Assert.Throws<InvalidOperationException>(() => Openssl("verify", "-CAfile", ca, "-purpose", "sslserver", clientFile));
            Assert.Throws<InvalidOperationException>(() => Openssl("verify", "-CAfile", ca, "-purpose", "sslclient", serverFile));

            // The key in the PEM belongs to the certificate.
            string serverKey = Write("server-key.pem", server.KeyPem);
            Assert.Equal(Openssl("x509", "-in", serverFile, "-noout", "-pubkey"), Openssl("pkey", "-in", serverKey, "-pubout"));
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", server.KeyPem, StringComparison.Ordinal);
        }

        [Fact]
        public void Openssl_shows_the_extensions_and_names_each_certificate_should_carry()
        {
            CertificateAuthority authority = _rsa.Authority;
            IssuedCertificate server = _rsa.Server;
            IssuedCertificate client = _rsa.Client;

            string ca = Openssl("x509", "-in", Write("ca.pem", authority.CertificatePem), "-noout", "-text");
            Assert.Contains("X509v3 Basic Constraints: critical\n                CA:TRUE", ca);
            Assert.Contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign", ca);
            Assert.Contains("X509v3 Subject Key Identifier", ca);
            Assert.Contains("Signature Algorithm: sha256WithRSAEncryption", ca);
            Assert.Contains("Public-Key: (2048 bit)", ca);

            string serverText = Openssl("x509", "-in", Write("server.pem", server.CertificatePem), "-noout", "-text");
            Assert.Contains("X509v3 Extended Key Usage: \n                TLS Web Server Authentication", serverText);
            Assert.Contains("Digital Signature, Key Encipherment", serverText);
            Assert.Contains("DNS:web1.example.com, DNS:localhost, IP Address:10.231.0.7, IP Address:FD00:0:0:0:0:0:0:7, IP Address:127.0.0.1", serverText);
            Assert.Contains("X509v3 Authority Key Identifier", serverText);
            Assert.Contains("CA:FALSE", serverText);
            Assert.Contains("Subject: O = Containers PowerShell module, CN = web1", serverText);

            string clientText = Openssl("x509", "-in", Write("client.pem", client.CertificatePem), "-noout", "-text");
            Assert.Contains("TLS Web Client Authentication", clientText);
            Assert.DoesNotContain("Subject Alternative Name", clientText);

            // Serial numbers: 16 bytes, positive; validity starts five minutes back.
            string serial = Openssl("x509", "-in", Write("client.pem", client.CertificatePem), "-noout", "-serial").Trim();
            Assert.Equal("serial=".Length + 32, serial.Length);
            Assert.InRange(client.NotBefore, DateTimeOffset.UtcNow.AddMinutes(-6), DateTimeOffset.UtcNow.AddMinutes(-4));
            string fingerprint = Openssl("x509", "-in", Write("server.pem", server.CertificatePem), "-noout", "-fingerprint", "-sha256").Trim();
            Assert.Equal("sha256 Fingerprint=" + server.Fingerprint, fingerprint);
        }

        [Fact]
        public void An_authority_loaded_from_its_pem_files_issues_certificates_its_certificate_verifies()
        {
            string pem, key;
            using (CertificateAuthority made = CertificateAuthority.Create("test CA", CertificateKeyAlgorithm.EcdsaP256))
            {
                pem = made.CertificatePem;
                key = made.KeyPem;
            }

            using CertificateAuthority loaded = CertificateAuthority.Load(pem, key);
            Assert.Equal(CertificateKeyAlgorithm.EcdsaP256, loaded.KeyAlgorithm);
            IssuedCertificate client = loaded.IssueClient("client", CertificateKeyAlgorithm.Rsa2048);
            Assert.Contains(": OK", Openssl("verify", "-CAfile", Write("ca.pem", pem), Write("client.pem", client.CertificatePem)));

            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(client.Der);
            Assert.Equal(loaded.Certificate.Subject, certificate.Issuer);
        }

        [Fact]
        public void An_authority_whose_key_is_not_its_own_is_refused()
        {
            using CertificateAuthority one = CertificateAuthority.Create("one", CertificateKeyAlgorithm.EcdsaP256);
            using CertificateAuthority other = CertificateAuthority.Create("other", CertificateKeyAlgorithm.EcdsaP256);
            var error = Assert.Throws<FormatException>(() => CertificateAuthority.Load(one.CertificatePem, other.KeyPem));
            Assert.Contains("does not belong", error.Message);
        }

        [Fact]
        public void Names_are_sorted_into_addresses_and_dns_names_and_bad_ones_are_named()
        {
            SubjectAlternativeNames names = SubjectAlternativeNames.From(new[] { "Web1.Example.com.", "10.0.0.1", "[::1]", "10.0.0.1", "*.apps.example.com" });
            Assert.Equal(new[] { "web1.example.com", "*.apps.example.com", "localhost" }, names.DnsNames);
            Assert.Equal(new[] { "10.0.0.1", "::1", "127.0.0.1" }, names.Addresses.Select(a => a.ToString()));

            // "10" would be 0.0.0.10 to IPAddress.Parse; it is a host name here.
            Assert.Equal(new[] { "10", "localhost" }, SubjectAlternativeNames.From(new[] { "10" }).DnsNames);

            var error = Assert.Throws<ArgumentException>(() => SubjectAlternativeNames.From(new[] { "web_1" }));
            Assert.Contains("'web_1'", error.Message);
        }

        private string Write(string name, string text)
        {
            string path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static string Openssl(params string[] arguments)
        {
            return Programs.Run(Prerequisites.Require("openssl"), arguments);
        }
    }
}
