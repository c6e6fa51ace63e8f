using System.Security.Cryptography.X509Certificates;

namespace Containers.EngineSelection.Certificates
{
    /// <summary>
    /// The personal ("My") certificate stores -CertificateThumbprint reads: a seam, because the real ones are Windows'
    /// and tests of the lookup run elsewhere with a fake.
    /// </summary>
    public interface ICertificateStore
    {
        /// <summary>False where there are no such stores (anything but Windows).</summary>
        bool IsAvailable { get; }

        /// <summary>The certificates with this thumbprint (upper-case hex) in the "My" store of <paramref name="location"/>.</summary>
        IReadOnlyList<X509Certificate2> FindByThumbprint(StoreLocation location, string thumbprint);
    }
}
