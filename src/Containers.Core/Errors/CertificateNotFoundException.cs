namespace Containers.Errors
{
    /// <summary>A certificate the caller named (by thumbprint) is in none of the stores searched. Becomes CertificateNotFound (ObjectNotFound).</summary>
    public sealed class CertificateNotFoundException : Exception
    {
        public CertificateNotFoundException(string thumbprint, string message)
            : base(message)
        {
            Thumbprint = thumbprint;
        }

        /// <summary>As the caller gave it.</summary>
        public string Thumbprint { get; }
    }
}
