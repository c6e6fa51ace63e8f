using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Containers.Engine.Errors;
using Containers.Engine.Tls;
using Xunit;

namespace Containers.Tests.Engine.Tls
{
    /// <summary>
    /// Reading DOCKER_CERT_PATH folders without an engine: each key form against .NET's own PEM import (which the
    /// netstandard2.0 build cannot call), the in-memory PKCS#12 against the openssl CLI, and the errors for bad folders.
    /// </summary>
    public class TlsKeyTests : IClassFixture<TlsTestCertificates>
    {
        private static readonly byte[] Message = Encoding.ASCII.GetBytes("signed by the client certificate's key");

        private readonly TlsTestCertificates _certificates;

        public TlsKeyTests(TlsTestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Theory]
        [InlineData("rsa-pkcs1", "RSA PRIVATE KEY")]
        [InlineData("rsa-pkcs8", "PRIVATE KEY")]
        public void Rsa_keys_read_the_same_as_dotnets_own_import(string folder, string label)
        {
            string pem = File.ReadAllText(Path.Combine(_certificates.Folder(folder), "key.pem"));
            Assert.Contains("-----BEGIN " + label + "-----", pem, StringComparison.Ordinal);

            PrivateKeyMaterial ours = PrivateKeyReader.Read(PemBlock.ParseAll(pem));
            using RSA reference = RSA.Create();
            reference.ImportFromPem(pem);
            RSAParameters expected = reference.ExportParameters(includePrivateParameters: true);

            Assert.True(ours.Rsa.HasValue);
            RSAParameters actual = ours.Rsa!.Value;
            Assert.Equal(expected.Modulus, actual.Modulus);
            Assert.Equal(expected.Exponent, actual.Exponent);
            Assert.Equal(expected.D, actual.D);
            Assert.Equal(expected.P, actual.P);
            Assert.Equal(expected.Q, actual.Q);
            Assert.Equal(expected.DP, actual.DP);
            Assert.Equal(expected.DQ, actual.DQ);
            Assert.Equal(expected.InverseQ, actual.InverseQ);

            // And the parameters import as they are, which needs the padded lengths.
            using RSA imported = RSA.Create();
            imported.ImportParameters(actual);
        }

        [Theory]
        [InlineData("ec-sec1", "EC PRIVATE KEY", "1.2.840.10045.3.1.7")]
        [InlineData("ec-pkcs8", "PRIVATE KEY", "1.2.840.10045.3.1.7")]
        [InlineData("ec-p384", "EC PRIVATE KEY", "1.3.132.0.34")]
        [InlineData("ec-p521", "EC PRIVATE KEY", "1.3.132.0.35")]
        public void Ec_keys_read_the_same_as_dotnets_own_import(string folder, string label, string curveOid)
        {
            string pem = File.ReadAllText(Path.Combine(_certificates.Folder(folder), "key.pem"));
            Assert.Contains("-----BEGIN " + label + "-----", pem, StringComparison.Ordinal);

            PrivateKeyMaterial ours = PrivateKeyReader.Read(PemBlock.ParseAll(pem));
            using ECDsa reference = ECDsa.Create();
            reference.ImportFromPem(pem);
            ECParameters expected = reference.ExportParameters(includePrivateParameters: true);

            Assert.True(ours.Ec.HasValue);
            Assert.Equal(curveOid, ours.CurveOid);
            ECParameters actual = ours.Ec!.Value;
            Assert.Equal(expected.D, actual.D);
            Assert.Equal(expected.Q.X, actual.Q.X);
            Assert.Equal(expected.Q.Y, actual.Q.Y);

            using ECDsa imported = ECDsa.Create(actual);
            Assert.True(reference.VerifyData(Message, imported.SignData(Message, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
        }

        [Fact]
        public void The_sec1_file_openssl_ecparam_writes_starts_with_an_ec_parameters_block()
        {
            // What the loader must skip: ecparam -genkey without -noout writes the curve first.
            string pem = File.ReadAllText(Path.Combine(_certificates.EcSec1, "key.pem"));
            Assert.True(pem.IndexOf("-----BEGIN EC PARAMETERS-----", StringComparison.Ordinal) < pem.IndexOf("-----BEGIN EC PRIVATE KEY-----", StringComparison.Ordinal));
            Assert.NotNull(TlsSettings.LoadFromDirectory(_certificates.EcSec1, verifyServer: true).ClientCertificate);
        }

        [Theory]
        [InlineData("rsa-pkcs1")]
        [InlineData("rsa-pkcs8")]
        [InlineData("ec-sec1")]
        [InlineData("ec-pkcs8")]
        [InlineData("ec-p384")]
        [InlineData("ec-p521")]
        public void The_loaded_client_certificate_carries_a_private_key_that_signs_for_it(string folder)
        {
            TlsSettings settings = TlsSettings.LoadFromDirectory(_certificates.Folder(folder), verifyServer: true);
            X509Certificate2 certificate = Assert.IsType<X509Certificate2>(settings.ClientCertificate);
            Assert.True(certificate.HasPrivateKey);
            Assert.Single(settings.Authorities);

            using RSA? rsa = certificate.GetRSAPrivateKey();
            if (rsa != null)
            {
                byte[] signature = rsa.SignData(Message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using RSA publicKey = certificate.GetRSAPublicKey()!;
                Assert.True(publicKey.VerifyData(Message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            }
            else
            {
                using ECDsa ec = certificate.GetECDsaPrivateKey()!;
                byte[] signature = ec.SignData(Message, HashAlgorithmName.SHA256);
                using ECDsa publicKey = certificate.GetECDsaPublicKey()!;
                Assert.True(publicKey.VerifyData(Message, signature, HashAlgorithmName.SHA256));
            }
        }

        [Fact]
        public void The_in_memory_pkcs12_is_read_by_openssl_with_the_password_and_refused_without_it()
        {
            string folder = _certificates.RsaPkcs8;
            using X509Certificate2 certificate = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(folder, "cert.pem")));
            PrivateKeyMaterial key = PrivateKeyReader.Read(PemBlock.ParseAll(File.ReadAllText(Path.Combine(folder, "key.pem"))));
            byte[] pfx = Pkcs12Writer.Write(certificate.RawData, Pkcs8Writer.Write(key), "pass-word");
            string file = Path.Combine(_certificates.Root, "check.p12");
            File.WriteAllBytes(file, pfx);

            string dump = TlsTestCertificates.OpenSsl("pkcs12", "-in", file, "-passin", "pass:pass-word", "-nodes");
            Assert.Contains("-----BEGIN CERTIFICATE-----", dump, StringComparison.Ordinal);
            Assert.Contains("-----BEGIN PRIVATE KEY-----", dump, StringComparison.Ordinal);
            string dumpFile = Path.Combine(_certificates.Root, "check-dump.pem");
            File.WriteAllText(dumpFile, dump);
            Assert.Equal(
                TlsTestCertificates.OpenSsl("pkey", "-in", Path.Combine(folder, "key.pem")),
                TlsTestCertificates.OpenSsl("pkey", "-in", dumpFile));

            // The MAC is checked: a wrong password is refused rather than yielding garbage.
            Assert.Throws<InvalidOperationException>(() => TlsTestCertificates.OpenSsl("pkcs12", "-in", file, "-passin", "pass:wrong", "-nodes"));
        }

        [Fact]
        public void A_missing_key_file_names_the_file_and_the_folder()
        {
            var error = Assert.Throws<EngineConnectionException>(() => TlsSettings.LoadFromDirectory(_certificates.MissingKey, verifyServer: true));
            Assert.Contains("'key.pem' is missing", error.Message, StringComparison.Ordinal);
            Assert.Contains(_certificates.MissingKey, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_certificate_file_names_the_file_and_the_folder()
        {
            string folder = _certificates.Folder("missing-cert");
            Directory.CreateDirectory(folder);
            File.Copy(_certificates.AuthorityCertificate, Path.Combine(folder, "ca.pem"), overwrite: true);
            File.Copy(Path.Combine(_certificates.RsaPkcs8, "key.pem"), Path.Combine(folder, "key.pem"), overwrite: true);
            var error = Assert.Throws<EngineConnectionException>(() => TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            Assert.Contains("'cert.pem' is missing", error.Message, StringComparison.Ordinal);
            Assert.Contains(folder, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_ca_file_is_an_error_only_when_the_server_is_verified()
        {
            string folder = _certificates.Folder("missing-ca");
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(_certificates.RsaPkcs8, "cert.pem"), Path.Combine(folder, "cert.pem"), overwrite: true);
            File.Copy(Path.Combine(_certificates.RsaPkcs8, "key.pem"), Path.Combine(folder, "key.pem"), overwrite: true);

            var error = Assert.Throws<EngineConnectionException>(() => TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            Assert.Contains("'ca.pem' is missing", error.Message, StringComparison.Ordinal);
            Assert.Contains(folder, error.Message, StringComparison.Ordinal);

            TlsSettings unverified = TlsSettings.LoadFromDirectory(folder, verifyServer: false);
            Assert.Empty(unverified.Authorities);
            Assert.NotNull(unverified.ClientCertificate);
        }

        [Fact]
        public void A_folder_that_does_not_exist_is_named()
        {
            string folder = Path.Combine(_certificates.Root, "no-such-folder");
            var error = Assert.Throws<EngineConnectionException>(() => TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            Assert.Contains(folder, error.Message, StringComparison.Ordinal);
            Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Only_the_authority_file_means_no_client_certificate()
        {
            TlsSettings settings = TlsSettings.LoadFromDirectory(_certificates.NoClientCertificate, verifyServer: true);
            Assert.Null(settings.ClientCertificate);
            Assert.Single(settings.Authorities);
        }

        [Theory]
        [InlineData("encrypted-pkcs8", "ENCRYPTED PRIVATE KEY")]
        [InlineData("encrypted-legacy", "Proc-Type: 4,ENCRYPTED")]
        public void Encrypted_keys_without_a_password_are_refused_asking_for_one(string folder, string marker)
        {
            string directory = _certificates.Folder(folder);
            Assert.Contains(marker, File.ReadAllText(Path.Combine(directory, "key.pem")), StringComparison.Ordinal);
            var error = Assert.Throws<EngineConnectionException>(() => TlsSettings.LoadFromDirectory(directory, verifyServer: true));
            Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
            Assert.Contains("-KeyPassword", error.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(directory, "key.pem"), error.Message, StringComparison.Ordinal);
            Assert.False(Assert.IsType<PrivateKeyPasswordException>(error.InnerException).PasswordGiven);
        }

        [Fact]
        public void A_key_of_another_certificate_is_refused_before_any_connection()
        {
            var error = Assert.Throws<EngineConnectionException>(() => TlsSettings.LoadFromDirectory(_certificates.MismatchedKey, verifyServer: true));
            Assert.Contains("does not belong to the certificate", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_ca_file_without_certificates_says_so()
        {
            string folder = _certificates.Folder("empty-ca");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "ca.pem"), "not a certificate\n");
            var error = Assert.Throws<EngineConnectionException>(() => TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            Assert.Contains("no PEM 'CERTIFICATE' block", error.Message, StringComparison.Ordinal);
        }
    }
}
