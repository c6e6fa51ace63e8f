using System.Globalization;
using System.Text.RegularExpressions;

namespace Containers.Engine.References
{
    /// <summary>
    /// An image reference read and normalised as the docker CLI does (distribution's reference grammar):
    /// <c>[registry/]path[:tag][@digest]</c>. A bare name means <c>docker.io/library/NAME</c>; the first component is a
    /// registry when it holds a '.' or ':' or is <c>localhost</c>; the tag defaults to <c>latest</c> unless a digest
    /// is given, so a pull never asks for every tag.
    /// </summary>
    public sealed class ImageReference
    {
        public const string DockerHub = "docker.io";
        public const string DefaultTag = "latest";
        private const int MaxNameLength = 255;

        // The pieces of distribution/reference's grammar.
        private const string Alphanumeric = "[a-z0-9]+";
        private const string Separator = "(?:[._]|__|[-]+)";
        private const string PathComponent = Alphanumeric + "(?:" + Separator + Alphanumeric + ")*";
        private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
        private const string Domain = "(?:" + DomainComponent + "(?:\\." + DomainComponent + ")*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";

        private static readonly Regex PathPattern = new Regex("^" + PathComponent + "(?:/" + PathComponent + ")*$", RegexOptions.CultureInvariant);
        private static readonly Regex DomainPattern = new Regex("^" + Domain + "$", RegexOptions.CultureInvariant);
        private static readonly Regex TagPattern = new Regex("^[\\w][\\w.-]{0,127}$", RegexOptions.CultureInvariant);
        private static readonly Regex DigestPattern = new Regex("^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$", RegexOptions.CultureInvariant);
        private static readonly Regex ImageIdPattern = new Regex("^(?:sha256:)?[0-9a-f]{64}$", RegexOptions.CultureInvariant);

        private ImageReference(string registry, string path, string? tag, string? digest)
        {
            Registry = registry;
            Path = path;
            Tag = tag;
            Digest = digest;
        }

        /// <summary>The registry host (and port): <c>docker.io</c> for Docker Hub.</summary>
        public string Registry { get; }

        /// <summary>The repository path inside the registry: <c>library/nginx</c>, <c>team/app</c>.</summary>
        public string Path { get; }

        /// <summary>The tag: as given, or <c>latest</c> when neither tag nor digest was given; null with a digest alone.</summary>
        public string? Tag { get; }

        /// <summary>The content digest (<c>sha256:...</c>) when given.</summary>
        public string? Digest { get; }

        /// <summary>The full repository name: <c>docker.io/library/nginx</c>.</summary>
        public string Repository => Registry + "/" + Path;

        /// <summary>The repository as the docker CLI shows it: <c>nginx</c>, <c>team/app</c>, <c>registry:5000/app</c>.</summary>
        public string FamiliarRepository =>
            Registry == DockerHub
                ? (Path.StartsWith("library/", StringComparison.Ordinal) && Path.IndexOf('/', 8) < 0 ? Path.Substring(8) : Path)
                : Repository;

        /// <summary>The reference in full: <c>docker.io/library/nginx:latest</c>.</summary>
        public override string ToString() => Repository + (Tag != null ? ":" + Tag : string.Empty) + (Digest != null ? "@" + Digest : string.Empty);

        /// <summary>The reference as the docker CLI shows it: <c>nginx:latest</c>.</summary>
        public string ToFamiliarString() => FamiliarRepository + (Tag != null ? ":" + Tag : string.Empty) + (Digest != null ? "@" + Digest : string.Empty);

        /// <summary>True for a full image id (64 hex digits, with or without <c>sha256:</c>), which names no repository.</summary>
        public static bool IsImageId(string text) => text != null && ImageIdPattern.IsMatch(text);

        public static bool TryParse(string text, out ImageReference? reference, out string? problem)
        {
            reference = null;
            problem = Check(text, out string registry, out string path, out string? tag, out string? digest);
            if (problem != null)
            {
                return false;
            }

            reference = new ImageReference(registry, path, tag ?? (digest == null ? DefaultTag : null), digest);
            return true;
        }

        /// <summary>
        /// Why a registry host (a name or address with an optional :port, as the first part of a reference names it) is
        /// none; null when it is one. Connect-ContainerRegistry's -Registry is checked here too, so a login and a pull
        /// agree on what a registry host is.
        /// </summary>
        public static string? CheckRegistryHost(string host)
        {
            if (host == null || !DomainPattern.IsMatch(host))
            {
                return $"'{host}' is not a registry host (name or address, with an optional :port).";
            }

            // The grammar takes any digits; a port out of range would only fail later, at the engine's dial, as if the
            // registry were unreachable.
            int colon = host.LastIndexOf(':');
            string? port = colon < 0 || colon < host.LastIndexOf(']') ? null : host.Substring(colon + 1);
            bool inRange = port == null
                || (port.Length <= 5 && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1 && number <= 65535);
            return inRange ? null : $"'{host}' has the port {port}, and a port is 1 to 65535.";
        }

        /// <exception cref="FormatException">The text is not an image reference; the message says why.</exception>
        public static ImageReference Parse(string text) =>
            TryParse(text, out ImageReference? reference, out string? problem) ? reference! : throw new FormatException(problem);

        private static string? Check(string text, out string registry, out string path, out string? tag, out string? digest)
        {
            registry = DockerHub;
            path = string.Empty;
            tag = null;
            digest = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return "An image reference cannot be empty.";
            }

            string rest = text;
            int at = rest.IndexOf('@');
            if (at >= 0)
            {
                digest = rest.Substring(at + 1);
                rest = rest.Substring(0, at);
                if (!DigestPattern.IsMatch(digest))
                {
                    return $"'{text}' is not a valid image reference: '{digest}' is not a digest (algorithm:hex, such as sha256: and 64 hex digits).";
                }
            }

            // A tag follows the last ':' that comes after the last '/' (an earlier ':' is a registry port).
            int lastColon = rest.LastIndexOf(':');
            if (lastColon > rest.LastIndexOf('/'))
            {
                tag = rest.Substring(lastColon + 1);
                rest = rest.Substring(0, lastColon);
                if (!TagPattern.IsMatch(tag))
                {
                    return $"'{text}' is not a valid image reference: the tag '{tag}' may hold letters, digits, '_', '.' and '-' (not first), at most 128 characters.";
                }
            }

            if (rest.Length == 0)
            {
                return $"'{text}' is not a valid image reference: it names no repository.";
            }

            if (rest.Length > MaxNameLength)
            {
                return $"'{text}' is not a valid image reference: the repository name is longer than {MaxNameLength} characters.";
            }

            int slash = rest.IndexOf('/');
            string first = slash < 0 ? rest : rest.Substring(0, slash);
            // The docker CLI also takes a first part with capitals ('UPPER/app') for a registry host, and then looks up a
            // host nobody meant; here a registry is only what has a '.' or ':' or is localhost, so 'UPPER/app' is the
            // repository it looks like, refused below for its capitals before anything is sent.
            bool hasRegistry = slash >= 0 && (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost" || first.StartsWith("[", StringComparison.Ordinal));
            if (hasRegistry)
            {
                string? hostProblem = CheckRegistryHost(first);
                if (hostProblem != null)
                {
                    return $"'{text}' is not a valid image reference: {hostProblem}";
                }

                registry = first == "index.docker.io" ? DockerHub : first;
                path = rest.Substring(slash + 1);
            }
            else
            {
                path = rest;
            }

            if (HasUpper(path))
            {
                return $"'{text}' is not a valid image reference: repository names must be lowercase ('{path}'"
                    + (slash >= 0 && !hasRegistry && HasUpper(first) ? $"; '{first}' is no registry host, which has a '.' or ':' or is localhost)." : ").");
            }

            if (!PathPattern.IsMatch(path))
            {
                return $"'{text}' is not a valid image reference: '{path}' is not a repository path (lowercase letters and digits in '/'-separated parts, joined by '.', '_', '__' or '-').";
            }

            if (registry == DockerHub && path.IndexOf('/') < 0)
            {
                path = "library/" + path;
            }

            return null;
        }

        private static bool HasUpper(string text)
        {
            foreach (char c in text)
            {
                if (c >= 'A' && c <= 'Z')
                {
                    return true;
                }
            }

            return false;
        }
    }
}
