using System.Text;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// One <c>-----BEGIN LABEL-----</c> ... <c>-----END LABEL-----</c> section of a PEM file: its label, whether it carried
    /// the legacy <c>Proc-Type: 4,ENCRYPTED</c> header, and the decoded DER bytes.
    /// </summary>
    internal sealed class PemBlock
    {
        private const string BeginMarker = "-----BEGIN ";
        private const string EndMarker = "-----END ";
        private const string Dashes = "-----";
        private const string DekInfoHeader = "DEK-Info:";

        private PemBlock(string label, bool legacyEncrypted, string? dekInfo, byte[] data)
        {
            Label = label;
            LegacyEncrypted = legacyEncrypted;
            DekInfo = dekInfo;
            Data = data;
        }

        public string Label { get; }

        /// <summary>OpenSSL's old password protection, which keeps the label and adds Proc-Type and DEK-Info headers.</summary>
        public bool LegacyEncrypted { get; }

        /// <summary>The legacy DEK-Info header's value, <c>CIPHER,IV-IN-HEX</c>; null when there is none.</summary>
        public string? DekInfo { get; }

        public byte[] Data { get; }

        /// <summary>Every block in the text, in order. Text outside blocks (OpenSSL's "Bag Attributes" and the like) is ignored.</summary>
        /// <exception cref="FormatException">A block is not closed, or its body is not base64.</exception>
        public static List<PemBlock> ParseAll(string text)
        {
            var blocks = new List<PemBlock>();
            int position = 0;
            while (true)
            {
                int begin = text.IndexOf(BeginMarker, position, StringComparison.Ordinal);
                if (begin < 0)
                {
                    return blocks;
                }

                int labelStart = begin + BeginMarker.Length;
                int labelEnd = text.IndexOf(Dashes, labelStart, StringComparison.Ordinal);
                if (labelEnd < 0)
                {
                    throw new FormatException("A PEM BEGIN line is not closed with five dashes.");
                }

                string label = text.Substring(labelStart, labelEnd - labelStart);
                string endLine = EndMarker + label + Dashes;
                int bodyStart = labelEnd + Dashes.Length;
                int end = text.IndexOf(endLine, bodyStart, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FormatException($"The PEM block '{label}' has no '{endLine}' line.");
                }

                blocks.Add(Decode(label, text.Substring(bodyStart, end - bodyStart)));
                position = end + endLine.Length;
            }
        }

        private static PemBlock Decode(string label, string body)
        {
            var base64 = new StringBuilder(body.Length);
            bool encrypted = false;
            string? dekInfo = null;
            foreach (string rawLine in body.Split('\n'))
            {
                string line = rawLine.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                // RFC 1421 headers ("Name: value") come before the base64; base64 never holds a colon.
                if (line.IndexOf(':') >= 0)
                {
                    encrypted |= line.StartsWith("Proc-Type:", StringComparison.OrdinalIgnoreCase)
                        && line.IndexOf("ENCRYPTED", StringComparison.OrdinalIgnoreCase) >= 0;
                    if (line.StartsWith(DekInfoHeader, StringComparison.OrdinalIgnoreCase))
                    {
                        dekInfo = line.Substring(DekInfoHeader.Length).Trim();
                    }

                    continue;
                }

                base64.Append(line);
            }

            try
            {
                return new PemBlock(label, encrypted, dekInfo, Convert.FromBase64String(base64.ToString()));
            }
            catch (FormatException e)
            {
                throw new FormatException($"The PEM block '{label}' is not valid base64.", e);
            }
        }
    }
}
