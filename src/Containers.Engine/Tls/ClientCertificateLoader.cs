using System.Formats.Asn1;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Containers.Engine.Tls
{
    /// <summary>Pairs a certificate with its private key in a form SslStream can present on every runtime we load in.</summary>
    internal static class ClientCertificateLoader
    {
        /// <summary>
        /// How the paired certificate is loaded. UserKeySet, without PersistKeySet and without EphemeralKeySet:
        /// <list type="bullet">
        /// <item>Windows: SslStream hands the key to SChannel, which runs in LSASS and can only use a key that exists in a
        /// key container; an ephemeral key (EphemeralKeySet, or CopyWithPrivateKey's in-memory key) fails the handshake
        /// with "no credentials are available", on .NET Framework and .NET alike. UserKeySet puts the key in the current
        /// user's container (MachineKeySet would share it with the whole machine), and leaving out PersistKeySet makes
        /// the runtime delete that container again when the certificate is disposed or finalized.</item>
        /// <item>macOS: EphemeralKeySet is refused outright (PlatformNotSupportedException); the default import into a
        /// temporary keychain works with SslStream.</item>
        /// <item>Linux: keys always live in memory; the flags change nothing.</item>
        /// </list>
        /// A process with no user profile (some services) cannot write the user's container; MachineKeySet is the retry.
        /// </summary>
        internal const X509KeyStorageFlags StorageFlags = X509KeyStorageFlags.UserKeySet;

        private const X509KeyStorageFlags FallbackStorageFlags = X509KeyStorageFlags.MachineKeySet;

        /// <exception cref="FormatException">The key does not belong to the certificate.</exception>
        public static X509Certificate2 Combine(X509Certificate2 certificate, PrivateKeyMaterial key)
        {
            EnsureKeyMatches(certificate, key);
            string password = Guid.NewGuid().ToString("N");
            byte[] pfx = Pkcs12Writer.Write(certificate.RawData, Pkcs8Writer.Write(key), password);
            return Load(flags => new X509Certificate2(pfx, password, flags));
        }

        /// <summary>A PKCS#12 the user gave (a .pfx file), loaded as <see cref="Combine"/> loads its own.</summary>
        /// <exception cref="CryptographicException">The password is wrong, or the runtime cannot read the file.</exception>
        public static X509Certificate2 LoadPkcs12(byte[] pfx, SecureString? password) =>
            Load(flags => new X509Certificate2(pfx, password, flags));

        private static X509Certificate2 Load(Func<X509KeyStorageFlags, X509Certificate2> load)
        {
            try
            {
                return load(StorageFlags);
            }
            catch (CryptographicException first)
            {
                try
                {
                    return load(FallbackStorageFlags);
                }
                catch (CryptographicException)
                {
                    // The first failure is the one that explains (a wrong password fails both ways alike).
                    throw first;
                }
            }
        }

        /// <summary>
        /// Compares public halves, so a key.pem from another certificate is reported here rather than as a handshake the
        /// engine ends without saying why.
        /// </summary>
        private static void EnsureKeyMatches(X509Certificate2 certificate, PrivateKeyMaterial key)
        {
            string algorithm = certificate.PublicKey.Oid.Value ?? string.Empty;
            byte[] encoded = certificate.PublicKey.EncodedKeyValue.RawData;
            bool matches;
            if (key.Rsa.HasValue)
            {
                if (algorithm != Oids.Rsa)
                {
                    throw new FormatException($"It holds an RSA key, but the certificate's key is not RSA ({algorithm}).");
                }

                AsnReader publicKey = new AsnReader(encoded, AsnEncodingRules.BER).ReadSequence();
                byte[] modulus = publicKey.ReadIntegerBytes().ToArray();
                matches = Trimmed(modulus).SequenceEqual(Trimmed(key.Rsa.Value.Modulus!));
            }
            else
            {
                if (algorithm != Oids.EcPublicKey)
                {
                    throw new FormatException($"It holds an EC key, but the certificate's key is not EC ({algorithm}).");
                }

                ECParameters ec = key.Ec!.Value;
                matches = encoded.Length == 1 + ec.Q.X!.Length + ec.Q.Y!.Length
                    && encoded.AsSpan(1, ec.Q.X.Length).SequenceEqual(ec.Q.X)
                    && encoded.AsSpan(1 + ec.Q.X.Length).SequenceEqual(ec.Q.Y);
            }

            if (!matches)
            {
                throw new FormatException($"Its key ({key.Description}) does not belong to the certificate for '{certificate.Subject}'.");
            }
        }

        private static ReadOnlySpan<byte> Trimmed(byte[] value)
        {
            int start = 0;
            while (start < value.Length - 1 && value[start] == 0)
            {
                start++;
            }

            return value.AsSpan(start);
        }
    }
}
