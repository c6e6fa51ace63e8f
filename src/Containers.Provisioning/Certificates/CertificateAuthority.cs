using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Containers.Engine.Tls;

namespace Containers.Provisioning.Certificates
{
    /// <summary>
    /// A store's own certificate authority: a self-signed CA certificate and its key, which issue the server certificate
    /// each engine presents and the client certificate the module (and the docker CLI) presents to it. Only holders of
    /// a certificate from this authority reach an engine that trusts it.
    /// </summary>
    public sealed class CertificateAuthority : IDisposable
    {
        /// <summary>Who the certificates say issued them.</summary>
        public const string Organization = "Containers PowerShell module";

        public static readonly TimeSpan DefaultAuthorityValidity = TimeSpan.FromDays(3652);

        /// <summary>
        /// 825 days: the longest server certificate macOS accepts from any authority, its own trust store's or not.
        /// Update-ContainerHostCertificate issues new ones.
        /// </summary>
        public static readonly TimeSpan DefaultLeafValidity = TimeSpan.FromDays(825);

        /// <summary>Certificates start five minutes in the past, so a host whose clock runs a little behind accepts them.</summary>
        public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

        private readonly SigningKey _key;
        private readonly byte[] _subjectName;

        private CertificateAuthority(byte[] der, SigningKey key, string keyPem)
        {
            _key = key;
            Certificate = new X509Certificate2(der);
            _subjectName = Certificate.SubjectName.RawData;
            CertificatePem = PemWriter.Write(PemWriter.CertificateLabel, der);
            KeyPem = keyPem;
        }

        /// <summary>The authority's certificate, without its key: what ca.pem holds everywhere.</summary>
        public X509Certificate2 Certificate { get; }

        public string CertificatePem { get; }

        /// <summary>The authority's private key as PKCS#8 PEM; it never leaves the store.</summary>
        public string KeyPem { get; }

        public CertificateKeyAlgorithm KeyAlgorithm => _key.Algorithm;

        /// <summary>A new self-signed authority.</summary>
        public static CertificateAuthority Create(string commonName, CertificateKeyAlgorithm algorithm = CertificateKeyAlgorithm.Rsa2048, TimeSpan? validity = null)
        {
            SigningKey key = SigningKey.Generate(algorithm);
            try
            {
                DateTimeOffset now = DateTimeOffset.UtcNow;
                byte[] name = DistinguishedName.Write(Organization, commonName);
                byte[] der = CertificateWriter.Write(CertificateProfile.Authority, name, key, name, key,
                    now - ClockSkewAllowance, now + (validity ?? DefaultAuthorityValidity), null);
                return new CertificateAuthority(der, key, key.ToPem());
            }
            catch
            {
                key.Dispose();
                throw;
            }
        }

        /// <summary>An authority from its ca.pem and ca-key.pem.</summary>
        /// <exception cref="FormatException">The files are not a CA certificate and its key; the message says why.</exception>
        public static CertificateAuthority Load(string certificatePem, string keyPem)
        {
            byte[]? der = null;
            foreach (PemBlock block in PemBlock.ParseAll(certificatePem))
            {
                if (block.Label == PemWriter.CertificateLabel)
                {
                    der = block.Data;
                    break;
                }
            }

            if (der == null)
            {
                throw new FormatException("The authority's certificate file holds no 'CERTIFICATE' block.");
            }

            SigningKey key = SigningKey.FromPem(keyPem);
            try
            {
                var authority = new CertificateAuthority(der, key, keyPem);
                // The key identifier is the SHA-1 of the public key bits, so equal hashes mean the key fits the certificate.
                using SHA1 sha1 = SHA1.Create();
                if (!sha1.ComputeHash(authority.Certificate.PublicKey.EncodedKeyValue.RawData).SequenceEqual(key.KeyIdentifier))
                {
                    authority.Dispose();
                    throw new FormatException("The authority's key does not belong to its certificate.");
                }

                return authority;
            }
            catch (CryptographicException e)
            {
                key.Dispose();
                throw new FormatException("The authority's certificate cannot be read: " + e.Message, e);
            }
        }

        /// <summary>A server certificate for an engine, naming every address and DNS name given plus localhost and 127.0.0.1.</summary>
        /// <exception cref="ArgumentException">A name is neither an IP address nor a DNS name.</exception>
        public IssuedCertificate IssueServer(string commonName, IEnumerable<string> names, CertificateKeyAlgorithm? algorithm = null, TimeSpan? validity = null) =>
            Issue(CertificateProfile.Server, commonName, SubjectAlternativeNames.From(names), algorithm, validity);

        /// <summary>A client certificate, which an engine started with --tlsverify accepts when it trusts this authority.</summary>
        public IssuedCertificate IssueClient(string commonName, CertificateKeyAlgorithm? algorithm = null, TimeSpan? validity = null) =>
            Issue(CertificateProfile.Client, commonName, null, algorithm, validity);

        public void Dispose()
        {
            _key.Dispose();
            Certificate.Dispose();
        }

        private IssuedCertificate Issue(CertificateProfile profile, string commonName, SubjectAlternativeNames? names, CertificateKeyAlgorithm? algorithm, TimeSpan? validity)
        {
            using SigningKey key = SigningKey.Generate(algorithm ?? _key.Algorithm);
            DateTimeOffset now = DateTimeOffset.UtcNow;
            DateTimeOffset notBefore = now - ClockSkewAllowance;
            DateTimeOffset notAfter = now + (validity ?? DefaultLeafValidity);

            // A certificate cannot outlive its authority's: a verifier would refuse the chain from that day on anyway.
            DateTimeOffset authorityEnd = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            if (notAfter > authorityEnd)
            {
                notAfter = authorityEnd;
            }

            byte[] der = CertificateWriter.Write(profile, DistinguishedName.Write(Organization, commonName), key, _subjectName, _key, notBefore, notAfter, names);
            return new IssuedCertificate(der, key.ToPem(), notBefore, notAfter);
        }
    }
}
