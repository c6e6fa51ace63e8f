using Containers.Engine.Archives;

namespace Containers.Engine.Build
{
    /// <summary>
    /// A build context's .dockerignore, read and applied as the docker CLI does (the engine does not apply it: the client
    /// leaves ignored files out of the context it sends). Patterns are anchored at the context root, the last pattern that
    /// matches a path decides, and a pattern that matches a directory excludes everything below it.
    /// </summary>
    public sealed class DockerIgnore : IArchiveFilter
    {
        public const string FileName = ".dockerignore";

        private readonly IReadOnlyList<IgnorePattern> _patterns;

        private DockerIgnore(IReadOnlyList<IgnorePattern> patterns)
        {
            _patterns = patterns;
        }

        /// <summary>Nothing ignored.</summary>
        public static DockerIgnore None { get; } = new DockerIgnore(Array.Empty<IgnorePattern>());

        /// <summary>The patterns, as cleaned (with their <c>!</c> where they have one).</summary>
        public IEnumerable<string> Patterns => _patterns.Select(pattern => (pattern.Exclusion ? "!" : string.Empty) + pattern.Cleaned);

        /// <summary>True when some pattern re-includes paths: then an ignored directory must still be walked.</summary>
        public bool HasExclusions => _patterns.Any(pattern => pattern.Exclusion);

        /// <summary>Reads the context's .dockerignore; <see cref="None"/> when it has none.</summary>
        /// <exception cref="FormatException">A pattern is malformed; the message names it.</exception>
        public static DockerIgnore Load(string contextDirectory)
        {
            string file = Path.Combine(contextDirectory, FileName);
            return File.Exists(file) ? Parse(File.ReadAllText(file)) : None;
        }

        /// <summary>
        /// The patterns of a .dockerignore text: a leading byte-order mark is dropped, lines starting with '#' are
        /// comments, blank lines are skipped, each line is trimmed and cleaned, and a leading '/' is dropped (patterns are
        /// relative to the context root anyway).
        /// </summary>
        public static DockerIgnore Parse(string text)
        {
            var patterns = new List<IgnorePattern>();
            string[] lines = text.Split('\n');
            for (int number = 0; number < lines.Length; number++)
            {
                string line = number == 0 ? lines[number].TrimStart('\uFEFF') : lines[number];
                if (line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue; // a comment only at the very start of the line, as the CLI reads it
                }

                string pattern = line.Trim();
                if (pattern.Length == 0)
                {
                    continue;
                }

                bool exclusion = pattern[0] == '!';
                if (exclusion)
                {
                    pattern = pattern.Substring(1).Trim();
                }

                if (pattern.Length > 0)
                {
                    pattern = GoPath.Clean(ToSlash(pattern));
                    if (pattern.Length > 1 && pattern[0] == '/')
                    {
                        pattern = pattern.Substring(1);
                    }
                }

                patterns.Add(new IgnorePattern((exclusion ? "!" : string.Empty) + pattern));
            }

            return new DockerIgnore(patterns);
        }

        /// <summary>
        /// These patterns with exceptions added for <paramref name="paths"/> that they would ignore, as the docker CLI
        /// adds them for the Dockerfile and .dockerignore: the engine needs both, whatever the patterns say.
        /// </summary>
        public DockerIgnore Keeping(params string[] paths)
        {
            var patterns = new List<IgnorePattern>(_patterns);
            foreach (string path in paths)
            {
                if (IsIgnored(path))
                {
                    patterns.Add(new IgnorePattern("!" + path));
                }
            }

            return new DockerIgnore(patterns);
        }

        /// <summary>
        /// Whether the path (relative to the context root, '/'-separated) is left out: the last pattern that matches it or
        /// one of its parent directories decides.
        /// </summary>
        public bool IsIgnored(string relativePath)
        {
            string path = GoPath.Clean(ToSlash(relativePath));
            int lastSlash = path.LastIndexOf('/');
            string[] parents = lastSlash < 0 ? Array.Empty<string>() : path.Substring(0, lastSlash).Split('/');
            bool ignored = false;
            foreach (IgnorePattern pattern in _patterns)
            {
                // Only a pattern that could change the answer is worth testing.
                if (pattern.Exclusion != ignored)
                {
                    continue;
                }

                bool match = pattern.Matches(path);
                for (int depth = 1; !match && depth <= parents.Length; depth++)
                {
                    match = pattern.Matches(string.Join("/", parents, 0, depth));
                }

                if (match)
                {
                    ignored = !pattern.Exclusion;
                }
            }

            return ignored;
        }

        /// <summary>
        /// Whether an ignored directory may be skipped without walking it: it may not when an exclusion pattern could
        /// re-include something below it.
        /// </summary>
        public bool CanSkipDirectory(string relativePath)
        {
            if (!IsIgnored(relativePath))
            {
                return false;
            }

            string directory = GoPath.Clean(ToSlash(relativePath)) + "/";
            foreach (IgnorePattern pattern in _patterns.Where(p => p.Exclusion))
            {
                // A wildcard anywhere in the exclusion, or one that starts below this directory, might reach inside.
                if (pattern.Cleaned.IndexOfAny(new[] { '*', '?', '[', '\\' }) >= 0 || (pattern.Cleaned + "/").StartsWith(directory, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        // On Windows the CLI takes '\' in a pattern as a separator (filepath.ToSlash); elsewhere it is an escape.
        private static string ToSlash(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;
    }
}
