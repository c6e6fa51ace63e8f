using System.Security.Cryptography.X509Certificates;
using System.Text;
using Containers.Errors;

namespace Containers.EngineSelection.Certificates
{
    /// <summary>
    /// -CertificateThumbprint: the client certificate with its private key from the current user's personal store, else
    /// the machine's, as Windows tools show them (certmgr.msc, certlm.msc, Get-ChildItem Cert:\CurrentUser\My).
    /// </summary>
    public static class CertificateStoreLookup
    {
        public const string ParameterName = "CertificateThumbprint";

        private static readonly StoreLocation[] SearchOrder = { StoreLocation.CurrentUser, StoreLocation.LocalMachine };

        /// <exception cref="InvalidParameterException">Not a SHA-1 thumbprint, no certificate stores here, or the certificate has no private key.</exception>
        /// <exception cref="CertificateNotFoundException">Neither store has it.</exception>
        public static X509Certificate2 Find(ICertificateStore store, string thumbprint)
        {
            string normalized = Normalize(thumbprint);
            if (normalized.Length != 40 || !normalized.All(IsHexDigit))
            {
                throw new InvalidParameterException(ParameterName, thumbprint, $"'{thumbprint}' is not a certificate thumbprint: that is 40 hexadecimal digits (the SHA-1 hash Windows shows as the Thumbprint).");
            }

            if (!store.IsAvailable)
            {
                throw new InvalidParameterException(ParameterName, thumbprint, "-CertificateThumbprint reads the Windows certificate stores, which this system does not have. Give the certificate as an object with -Certificate, or as a file with -CertificateFile (PFX) or -CertificatePath (PEM folder).");
            }

            X509Certificate2? withoutKey = null;
            foreach (StoreLocation location in SearchOrder)
            {
                foreach (X509Certificate2 certificate in store.FindByThumbprint(location, normalized))
                {
                    if (certificate.HasPrivateKey)
                    {
                        return certificate;
                    }

                    withoutKey ??= certificate;
                }
            }

            if (withoutKey != null)
            {
                throw new InvalidParameterException(ParameterName, thumbprint, $"The certificate '{withoutKey.Subject}' ({normalized}) is in the certificate store without a private key (or without one this account may use), and a client certificate needs one. Import it with its private key (a .pfx), or grant this account access to the key.");
            }

            throw new CertificateNotFoundException(thumbprint, $"No certificate with the thumbprint {normalized} is in Cert:\\CurrentUser\\My or Cert:\\LocalMachine\\My.");
        }

        /// <summary>
        /// Upper-case hex digits only: thumbprints are copied with spaces or colons between the bytes, and Windows'
        /// certificate dialog puts an invisible left-to-right mark (U+200E) before them.
        /// </summary>
        internal static string Normalize(string thumbprint)
        {
            var builder = new StringBuilder(thumbprint.Length);
            foreach (char c in thumbprint)
            {
                if (char.IsWhiteSpace(c) || c == ':' || c == '-' || c == '\u200E' || c == '\u200F' || c == '\uFEFF')
                {
                    continue;
                }

                builder.Append(char.ToUpperInvariant(c));
            }

            return builder.ToString();
        }

        private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }
}
