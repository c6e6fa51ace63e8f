using System.Security.Cryptography;

namespace Containers.Engine.Tls
{
    /// <summary>A private key read from PEM: either RSA or EC (on a named curve), never both.</summary>
    internal sealed class PrivateKeyMaterial
    {
        private PrivateKeyMaterial(RSAParameters? rsa, ECParameters? ec, string? curveOid)
        {
            Rsa = rsa;
            Ec = ec;
            CurveOid = curveOid;
        }

        /// <summary>All RSA fields, padded to the lengths <see cref="RSA.ImportParameters"/> expects.</summary>
        public RSAParameters? Rsa { get; }

        /// <summary>The curve, the private scalar padded to the field size, and the public point.</summary>
        public ECParameters? Ec { get; }

        /// <summary>The named curve's object identifier, for writing the key out again.</summary>
        public string? CurveOid { get; }

        public string Description => Rsa.HasValue ? $"RSA {Rsa.Value.Modulus!.Length * 8}-bit" : "EC " + CurveOid;

        public static PrivateKeyMaterial FromRsa(RSAParameters rsa) => new PrivateKeyMaterial(rsa, null, null);

        public static PrivateKeyMaterial FromEc(ECParameters ec, string curveOid) => new PrivateKeyMaterial(null, ec, curveOid);
    }
}
