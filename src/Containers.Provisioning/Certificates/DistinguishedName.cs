using System.Formats.Asn1;

namespace Containers.Provisioning.Certificates
{
    /// <summary>
    /// An X.500 Name of the form O=..., CN=... in DER. The issuer of a certificate is copied from its authority's
    /// certificate byte for byte (Go and OpenSSL compare names as bytes), so only subjects are written here.
    /// </summary>
    internal static class DistinguishedName
    {
        /// <summary>Common names are at most 64 characters (RFC 5280's ub-common-name); longer ones are cut.</summary>
        private const int MaximumCommonNameLength = 64;

        public static byte[] Write(string organization, string commonName)
        {
            if (string.IsNullOrEmpty(commonName))
            {
                throw new ArgumentException("A certificate needs a common name.", nameof(commonName));
            }

            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                WriteAttribute(writer, CertificateOids.Organization, organization);
                WriteAttribute(writer, CertificateOids.CommonName,
                    commonName.Length > MaximumCommonNameLength ? commonName.Substring(0, MaximumCommonNameLength) : commonName);
            }

            return writer.Encode();
        }

        private static void WriteAttribute(AsnWriter writer, string oid, string value)
        {
            using (writer.PushSetOf())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
            }
        }
    }
}
