using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Containers.EngineSelection.Certificates
{
    /// <summary>
    /// Windows' CurrentUser\My and LocalMachine\My. Elsewhere .NET has only a directory of its own under CurrentUser and
    /// no LocalMachine\My at all, which is not what a thumbprint from certlm.msc or Get-ChildItem Cert:\ means, so
    /// <see cref="IsAvailable"/> is false there.
    /// </summary>
    public sealed class WindowsCertificateStore : ICertificateStore
    {
        public static WindowsCertificateStore Instance { get; } = new WindowsCertificateStore();

        public bool IsAvailable => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public IReadOnlyList<X509Certificate2> FindByThumbprint(StoreLocation location, string thumbprint)
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException)
            {
                // A store that does not exist (a service account's profile without one) holds nothing.
                return new X509Certificate2[0];
            }

            return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false).Cast<X509Certificate2>().ToList();
        }
    }
}
