using System.Text.RegularExpressions;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>What one -Volume entry asks for: a bind or named volume (a Binds entry), or an anonymous volume.</summary>
    public sealed class VolumeSpec
    {
        public VolumeSpec(string? source, string target, string? mode)
        {
            Source = source;
            Target = target;
            Mode = mode;
        }

        /// <summary>A host path, a volume name, or null for an anonymous volume.</summary>
        public string? Source { get; }

        public string Target { get; }

        public string? Mode { get; }

        /// <summary>The engine's Binds form: SOURCE:TARGET[:MODE].</summary>
        public string ToBind() => Source + ":" + Target + (Mode == null ? string.Empty : ":" + Mode);
    }

    /// <summary>
    /// docker -v's forms: '/data' (anonymous), 'name:/data', '/host/path:/data:ro', 'C:\src:/src' and './src:/src' (a
    /// path relative to the current location). Windows drive letters are told apart from the ':' separators.
    /// </summary>
    public static class VolumeSpecParser
    {
        private const string ParameterName = "Volume";

        private static readonly Regex VolumeName = new Regex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$", RegexOptions.CultureInvariant);

        private static readonly HashSet<string> Modes = new HashSet<string>(StringComparer.Ordinal)
        {
            "ro", "rw", "z", "Z", "nocopy", "shared", "rshared", "slave", "rslave", "private", "rprivate", "consistent", "cached", "delegated",
        };

        /// <param name="text">One -Volume entry.</param>
        /// <param name="resolveRelativePath">Turns './x' into an absolute host path; null where relative paths make no sense.</param>
        public static VolumeSpec Parse(string text, Func<string, string>? resolveRelativePath)
        {
            List<string> parts = Split(text ?? string.Empty);
            if (parts.Count == 0 || parts.Count > 3 || parts.Any(p => p.Length == 0))
            {
                throw Invalid(text, "use CONTAINERPATH, SOURCE:CONTAINERPATH or SOURCE:CONTAINERPATH:OPTIONS (SOURCE is a volume name or a host path)");
            }

            if (parts.Count == 1 && VolumeName.IsMatch(parts[0]))
            {
                // A volume name alone (or a volume object, which PowerShell turns into its name) says what, not where.
                throw Invalid(text, $"'{parts[0]}' names a volume but no path inside the container; write '{parts[0]}:/path'");
            }

            if (parts.Count == 1)
            {
                return new VolumeSpec(null, CheckTarget(text!, parts[0]), null);
            }

            string source = parts[0];
            string target = CheckTarget(text!, parts[1]);
            string? mode = parts.Count == 3 ? CheckMode(text!, parts[2]) : null;
            if (source.StartsWith(".", StringComparison.Ordinal) || source.StartsWith("~", StringComparison.Ordinal))
            {
                if (resolveRelativePath == null)
                {
                    throw Invalid(text, $"the host path '{source}' is relative; give an absolute path");
                }

                source = resolveRelativePath(source);
            }
            else if (!IsAbsolutePath(source) && !VolumeName.IsMatch(source))
            {
                throw Invalid(text, $"'{source}' is neither an absolute host path nor a volume name (letters, digits, '_', '.', '-')");
            }

            return new VolumeSpec(source, target, mode);
        }

        private static string CheckTarget(string original, string target)
        {
            if (!IsAbsolutePath(target))
            {
                throw Invalid(original, $"the container path '{target}' must be absolute");
            }

            return target;
        }

        private static string CheckMode(string original, string mode)
        {
            foreach (string option in mode.Split(','))
            {
                if (!Modes.Contains(option))
                {
                    throw Invalid(original, $"'{option}' is not a volume option; use ro, rw, z, Z, nocopy or a propagation mode (shared, slave, private, r...)");
                }
            }

            return mode;
        }

        private static bool IsAbsolutePath(string path) =>
            path.StartsWith("/", StringComparison.Ordinal)
            || path.StartsWith(@"\\", StringComparison.Ordinal)
            || IsDrivePath(path, 0);

        // C:\ or C:/ at this position.
        private static bool IsDrivePath(string text, int index) =>
            text.Length > index + 2 && char.IsLetter(text[index]) && text[index + 1] == ':' && (text[index + 2] == '\\' || text[index + 2] == '/');

        private static List<string> Split(string text)
        {
            var parts = new List<string>();
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == ':' && !(i == start + 1 && IsDrivePath(text, start)))
                {
                    parts.Add(text.Substring(start, i - start));
                    start = i + 1;
                }
            }

            parts.Add(text.Substring(start));
            return parts;
        }

        private static InvalidParameterException Invalid(string? value, string reason) =>
            new InvalidParameterException(ParameterName, value, $"The volume '{value}' is not valid: {reason}.");
    }
}
