using System;
using System.Security.Cryptography.X509Certificates;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// TLS for a tcp:// engine: the authorities that may sign the engine's certificate, the client certificate (with its
    /// private key) that the engine verifies, and whether the server certificate is checked at all.
    /// </summary>
    public sealed class TlsSettings
    {
        public TlsSettings(X509Certificate2Collection authorities, X509Certificate2? clientCertificate, bool verifyServer)
        {
            Authorities = authorities;
            ClientCertificate = clientCertificate;
            VerifyServer = verifyServer;
        }

        public X509Certificate2Collection Authorities { get; }

        public X509Certificate2? ClientCertificate { get; }

        public bool VerifyServer { get; }

        /// <summary>Loads ca.pem, cert.pem and key.pem from a folder, as DOCKER_CERT_PATH names it.</summary>
        public static TlsSettings LoadFromDirectory(string directory, bool verifyServer) =>
            throw new NotImplementedException("TLS loading is being written.");
    }
}
