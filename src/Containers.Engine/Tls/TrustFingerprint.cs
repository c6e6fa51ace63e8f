using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// A digest of everything a TLS connection trusts and presents: whether the engine is verified, every authority
    /// certificate, and the client certificate. Two settings with the same fingerprint make interchangeable connections;
    /// a different CA file, client certificate or verify mode gives another fingerprint, so whatever caches clients and
    /// their pooled connections by it never lets one ride on a connection made with the other.
    /// </summary>
    /// <remarks>
    /// The client's private key is not hashed: it is the one that belongs to the certificate's public key (the loaders
    /// check that), so the certificate names it.
    /// </remarks>
    internal static class TrustFingerprint
    {
        public static string Of(TlsSettings settings)
        {
            using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(new[] { settings.VerifyServer ? (byte)1 : (byte)0 });
            AppendCount(hash, settings.Authorities.Count);
            foreach (X509Certificate2 authority in settings.Authorities)
            {
                AppendPart(hash, authority.RawData);
            }

            AppendPart(hash, settings.ClientCertificate?.RawData ?? Array.Empty<byte>());
            return Convert.ToBase64String(hash.GetHashAndReset());
        }

        /// <summary>Each part goes in after its length, so no two different lists of parts hash the same bytes.</summary>
        private static void AppendPart(IncrementalHash hash, byte[] part)
        {
            AppendCount(hash, part.Length);
            hash.AppendData(part);
        }

        private static void AppendCount(IncrementalHash hash, int count) =>
            hash.AppendData(new[] { (byte)(count >> 24), (byte)(count >> 16), (byte)(count >> 8), (byte)count });
    }
}
