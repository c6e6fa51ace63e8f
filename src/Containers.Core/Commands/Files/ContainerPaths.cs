namespace Containers.Commands.Files
{
    /// <summary>Paths inside a container: always '/'-separated and absolute, whatever this machine's own paths look like.</summary>
    public static class ContainerPaths
    {
        /// <summary>
        /// The path as the archive endpoint should get it: absolute (a relative path is taken from the root, as docker cp
        /// takes it), with a trailing <c>/.</c> kept (it asks for a directory's contents). The root itself is asked for
        /// as <c>/.</c>: asked for as <c>/</c>, the engine names every entry with an absolute path.
        /// </summary>
        public static string ForRequest(string path)
        {
            string text = path.Replace('\\', '/');
            if (!text.StartsWith("/", StringComparison.Ordinal))
            {
                text = "/" + text;
            }

            return text.TrimEnd('/').Length == 0 ? "/." : text;
        }

        /// <summary>True when the path ends in <c>/.</c>: the directory's contents, not the directory.</summary>
        public static bool AsksForContents(string path)
        {
            string text = path.Replace('\\', '/');
            return text == "." || text.EndsWith("/.", StringComparison.Ordinal);
        }

        /// <summary>True when the path ends in '/': it names a directory.</summary>
        public static bool AssertsDirectory(string path) => path.EndsWith("/", StringComparison.Ordinal) || AsksForContents(path);

        /// <summary>The last element ("nginx" for /etc/nginx/), or "/" for the root.</summary>
        public static string BaseName(string path)
        {
            string trimmed = path.TrimEnd('/');
            if (trimmed.Length == 0)
            {
                return "/";
            }

            return trimmed.Substring(trimmed.LastIndexOf('/') + 1);
        }

        /// <summary>The directory holding the path's last element ("/etc" for /etc/nginx, "/" for /etc).</summary>
        public static string Parent(string path)
        {
            string trimmed = path.TrimEnd('/');
            int slash = trimmed.LastIndexOf('/');
            return slash <= 0 ? "/" : trimmed.Substring(0, slash);
        }

        /// <summary><paramref name="path"/> as seen from <paramref name="directory"/>: itself when absolute.</summary>
        public static string Join(string directory, string path) =>
            path.StartsWith("/", StringComparison.Ordinal) ? path : directory.TrimEnd('/') + "/" + path;

        /// <summary>A single name a copy can take: not empty, '.', '..', nor holding a separator.</summary>
        public static bool IsPlainName(string name) =>
            name.Length > 0 && name != "." && name != ".." && name.IndexOfAny(new[] { '/', '\\', '\0' }) < 0;
    }
}
