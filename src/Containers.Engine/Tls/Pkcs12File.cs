using System.Formats.Asn1;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Containers.Engine.Errors;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// A client certificate with its private key from a PKCS#12 (.pfx, .p12) file, as Windows exports them and
    /// <c>openssl pkcs12 -export</c> writes them, loaded with the storage flags SslStream can present on every runtime
    /// (see <see cref="ClientCertificateLoader.StorageFlags"/>).
    /// </summary>
    public static class Pkcs12File
    {
        /// <exception cref="EngineConnectionException">
        /// The file cannot be read, is not PKCS#12, or holds no private key; the message names it. A password missing or
        /// wrong has a <see cref="PrivateKeyPasswordException"/> inside.
        /// </exception>
        public static X509Certificate2 LoadClientCertificate(string path, SecureString? password)
        {
            byte[] data;
            try
            {
                data = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new EngineConnectionException($"The certificate file '{path}' cannot be read: {e.Message}", e);
            }

            if (!LooksLikePkcs12(data))
            {
                throw new EngineConnectionException($"'{path}' is not a PKCS#12 (.pfx, .p12) file. For PEM files (cert.pem and key.pem) use -CertificatePath with their folder.");
            }

            X509Certificate2 certificate;
            try
            {
                certificate = ClientCertificateLoader.LoadPkcs12(data, password);
            }
            catch (CryptographicException e)
            {
                // Which it was, a wrong password or something else the runtime could not read, only the runtime's message
                // tells, and only in its own words; the password is by far the usual cause.
                PrivateKeyPasswordException reason = password == null
                    ? new PrivateKeyPasswordException($"'{path}' could not be opened without a password ({e.Message.Trim()}): give its password with -KeyPassword.", passwordGiven: false, e)
                    : new PrivateKeyPasswordException($"'{path}' could not be opened with the password given: the password is wrong, or the runtime cannot read this file ({e.Message.Trim()}).", passwordGiven: true, e);
                throw new EngineConnectionException(reason.Message, reason);
            }

            if (!certificate.HasPrivateKey)
            {
                string subject = certificate.Subject;
                certificate.Dispose();
                throw new EngineConnectionException($"'{path}' holds the certificate '{subject}' but no private key for it, which a client certificate needs. Export it again with its private key.");
            }

            return certificate;
        }

        /// <summary>PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData OPTIONAL }.</summary>
        private static bool LooksLikePkcs12(byte[] data)
        {
            try
            {
                AsnReader pfx = new AsnReader(data, AsnEncodingRules.BER).ReadSequence();
                return pfx.TryReadInt32(out int version) && version == 3;
            }
            catch (AsnContentException)
            {
                return false;
            }
        }
    }
}
