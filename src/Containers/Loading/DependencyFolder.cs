using System.Reflection;

namespace Containers.PowerShell.Loading
{
    /// <summary>
    /// The module's own folder as a place to find its dependencies when the runtime asks for a version other than the
    /// one shipped. The netstandard packages the module brings reference each other at older versions than they ship
    /// as (System.Memory asks for System.Runtime.CompilerServices.Unsafe 4.0.4.1, System.Text.Json for 6.0.0.0), and
    /// Windows PowerShell has no binding redirects for a module, so without this the first JSON call fails to load.
    /// </summary>
    internal sealed class DependencyFolder
    {
        public DependencyFolder(string directory)
        {
            Directory = directory ?? throw new ArgumentNullException(nameof(directory));
        }

        public string Directory { get; }

        /// <summary>
        /// The file in this folder that satisfies <paramref name="requested"/>: same simple name, same public key token
        /// (when the request has one), and a version no older than asked for. Null when the folder has none.
        /// </summary>
        public string? Find(AssemblyName requested)
        {
            if (string.IsNullOrEmpty(requested.Name) || requested.Name!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                return null;
            }

            string candidate = Path.Combine(Directory, requested.Name + ".dll");
            if (!File.Exists(candidate))
            {
                return null;
            }

            AssemblyName shipped;
            try
            {
                shipped = AssemblyName.GetAssemblyName(candidate);
            }
            catch (Exception e) when (e is BadImageFormatException || e is FileLoadException || e is IOException)
            {
                return null;
            }

            if (requested.Version != null && shipped.Version != null && shipped.Version < requested.Version)
            {
                return null; // an older copy would fail later in a less obvious way
            }

            byte[]? wantedToken = requested.GetPublicKeyToken();
            if (wantedToken != null && wantedToken.Length > 0 && !SameBytes(wantedToken, shipped.GetPublicKeyToken()))
            {
                return null;
            }

            return candidate;
        }

        private static bool SameBytes(byte[] left, byte[]? right)
        {
            if (right == null || left.Length != right.Length)
            {
                return false;
            }

            for (int i = 0; i < left.Length; i++)
            {
                if (left[i] != right[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
