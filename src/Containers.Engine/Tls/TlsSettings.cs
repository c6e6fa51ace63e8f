using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Containers.Engine.Errors;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// TLS for a tcp:// engine: the authorities that may sign the engine's certificate, the client certificate (with its
    /// private key) that the engine verifies, and whether the server certificate is checked at all.
    /// </summary>
    public sealed class TlsSettings
    {
        public const string AuthorityFileName = "ca.pem";
        public const string CertificateFileName = "cert.pem";
        public const string KeyFileName = "key.pem";

        private string? _fingerprint;

        public TlsSettings(X509Certificate2Collection authorities, X509Certificate2? clientCertificate, bool verifyServer)
        {
            Authorities = authorities;
            ClientCertificate = clientCertificate;
            VerifyServer = verifyServer;
        }

        /// <summary>The only authorities the engine's certificate may chain to; the machine's trust store is not consulted.</summary>
        public X509Certificate2Collection Authorities { get; }

        /// <summary>The certificate, with its private key, presented to an engine that asks for one (dockerd --tlsverify does).</summary>
        public X509Certificate2? ClientCertificate { get; }

        /// <summary>False accepts any server certificate, as the docker CLI's --tls without --tlsverify does.</summary>
        public bool VerifyServer { get; }

        /// <summary>
        /// Equal for settings that trust and present the same certificates in the same verify mode, different otherwise
        /// (see <see cref="TrustFingerprint"/>): what caches of clients and connections are keyed by.
        /// </summary>
        public string Fingerprint => _fingerprint ??= TrustFingerprint.Of(this);

        /// <summary>
        /// Loads ca.pem, cert.pem and key.pem from a folder, as DOCKER_CERT_PATH names it. cert.pem and key.pem may both
        /// be absent (no client certificate), never one without the other. ca.pem is needed only when
        /// <paramref name="verifyServer"/> is true; it may hold several certificates.
        /// </summary>
        /// <param name="keyPassword">The password of an encrypted key.pem; without it such a key is refused.</param>
        /// <exception cref="EngineConnectionException">A file is missing, unreadable or not what it should be; the message names it.
        /// A password missing or wrong for key.pem has a <see cref="PrivateKeyPasswordException"/> inside.</exception>
        public static TlsSettings LoadFromDirectory(string directory, bool verifyServer, SecureString? keyPassword = null)
        {
            if (string.IsNullOrEmpty(directory))
            {
                throw new EngineConnectionException("No TLS certificate folder was given (DOCKER_CERT_PATH, or ~/.docker by default).");
            }

            string fullDirectory = Path.GetFullPath(directory);
            if (!Directory.Exists(fullDirectory))
            {
                throw new EngineConnectionException($"The TLS certificate folder '{fullDirectory}' does not exist. It should hold {AuthorityFileName}, {CertificateFileName} and {KeyFileName}.");
            }

            string authorityPath = Path.Combine(fullDirectory, AuthorityFileName);
            string certificatePath = Path.Combine(fullDirectory, CertificateFileName);
            string keyPath = Path.Combine(fullDirectory, KeyFileName);

            var authorities = new X509Certificate2Collection();
            if (File.Exists(authorityPath))
            {
                authorities.AddRange(TlsFileCache.GetOrRead(new[] { authorityPath }, () => ReadCertificates(authorityPath, "the authority (CA) certificates")).ToArray());
            }
            else if (verifyServer)
            {
                throw new EngineConnectionException($"'{AuthorityFileName}' is missing from the TLS certificate folder '{fullDirectory}'. It holds the authority (CA) certificate that signed the engine's certificate, and is needed to verify the engine.");
            }

            bool hasCertificate = File.Exists(certificatePath);
            bool hasKey = File.Exists(keyPath);
            if (hasCertificate != hasKey)
            {
                string missing = hasCertificate ? KeyFileName : CertificateFileName;
                string present = hasCertificate ? CertificateFileName : KeyFileName;
                throw new EngineConnectionException($"'{missing}' is missing from the TLS certificate folder '{fullDirectory}', which has '{present}'. The client certificate (cert.pem) and its private key (key.pem) are needed together.");
            }

            // A key read with a password is not cached: a later wrong password must be refused, not served what an earlier right one opened.
            X509Certificate2? client = !hasCertificate ? null
                : keyPassword != null ? ReadClientCertificate(certificatePath, keyPath, keyPassword)
                : TlsFileCache.GetOrRead(new[] { certificatePath, keyPath }, () => ReadClientCertificate(certificatePath, keyPath, null));
            return new TlsSettings(authorities, client, verifyServer);
        }

        private static List<X509Certificate2> ReadCertificates(string path, string purpose)
        {
            List<PemBlock> blocks = ReadPem(path);
            var certificates = new List<X509Certificate2>();
            foreach (PemBlock block in blocks)
            {
                if (block.Label != "CERTIFICATE")
                {
                    continue;
                }

                try
                {
                    certificates.Add(new X509Certificate2(block.Data));
                }
                catch (CryptographicException e)
                {
                    throw new EngineConnectionException($"'{path}' holds a CERTIFICATE block that is not a valid certificate: {e.Message}", e);
                }
            }

            if (certificates.Count == 0)
            {
                throw new EngineConnectionException($"'{path}' holds no PEM 'CERTIFICATE' block; it should hold {purpose}.");
            }

            return certificates;
        }

        private static X509Certificate2 ReadClientCertificate(string certificatePath, string keyPath, SecureString? keyPassword)
        {
            // The first certificate is the client's own; any after it are intermediates the engine is expected to have.
            X509Certificate2 certificate = ReadCertificates(certificatePath, "the client certificate")[0];
            PrivateKeyMaterial key;
            try
            {
                key = PrivateKeyReader.Read(ReadPem(keyPath), keyPassword);
            }
            catch (FormatException e)
            {
                throw new EngineConnectionException($"'{keyPath}' cannot be used as the client certificate's private key. {e.Message}", e);
            }

            try
            {
                return ClientCertificateLoader.Combine(certificate, key);
            }
            catch (FormatException e)
            {
                throw new EngineConnectionException($"'{keyPath}' does not match '{certificatePath}'. {e.Message}", e);
            }
            catch (CryptographicException e)
            {
                throw new EngineConnectionException($"The client certificate '{certificatePath}' and its key '{keyPath}' could not be loaded together: {e.Message}", e);
            }
        }

        private static List<PemBlock> ReadPem(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new EngineConnectionException($"'{path}' cannot be read: {e.Message}", e);
            }

            try
            {
                return PemBlock.ParseAll(text);
            }
            catch (FormatException e)
            {
                throw new EngineConnectionException($"'{path}' is not a valid PEM file: {e.Message}", e);
            }
        }
    }
}
