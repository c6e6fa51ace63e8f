using System.Security.Cryptography;
using Containers.Engine.Archives;

namespace Containers.Engine.Build
{
    /// <summary>
    /// What a build sends: the context folder as a tar stream with .dockerignore applied, and the name the engine should
    /// read the Dockerfile under. As with the docker CLI, the Dockerfile and .dockerignore always travel even when the
    /// patterns ignore them, and a Dockerfile from outside the context is added under a name of its own.
    /// </summary>
    public sealed class BuildContext
    {
        public const string DefaultDockerfile = "Dockerfile";

        private BuildContext(string directory, DockerIgnore ignore, string dockerfileName, string? outsideDockerfile)
        {
            Directory = directory;
            Ignore = ignore;
            DockerfileName = dockerfileName;
            OutsideDockerfile = outsideDockerfile;
        }

        /// <summary>The context folder's full path.</summary>
        public string Directory { get; }

        /// <summary>The patterns in force, with the CLI's exceptions for the Dockerfile and .dockerignore added.</summary>
        public DockerIgnore Ignore { get; }

        /// <summary>The Dockerfile's name inside the context, as the build's <c>dockerfile</c> parameter takes it.</summary>
        public string DockerfileName { get; }

        /// <summary>The Dockerfile's path when it lives outside the context; null when it is inside.</summary>
        public string? OutsideDockerfile { get; }

        /// <summary>
        /// Checks the context and finds the Dockerfile: <paramref name="dockerfile"/> when given (relative to the current
        /// folder, as the CLI reads -f), else Dockerfile (or dockerfile) in the context.
        /// </summary>
        /// <exception cref="FileNotFoundException">The context folder or the Dockerfile does not exist; the message names it.</exception>
        /// <exception cref="FormatException">The .dockerignore holds a malformed pattern.</exception>
        public static BuildContext Open(string contextDirectory, string? dockerfile = null)
        {
            string directory = Path.GetFullPath(contextDirectory);
            if (!System.IO.Directory.Exists(directory))
            {
                throw new FileNotFoundException($"The build context folder '{directory}' does not exist.", directory);
            }

            string dockerfilePath = dockerfile != null
                ? Path.GetFullPath(dockerfile)
                : FindDefaultDockerfile(directory);
            if (!File.Exists(dockerfilePath))
            {
                throw new FileNotFoundException($"The Dockerfile '{dockerfilePath}' does not exist.", dockerfilePath);
            }

            DockerIgnore ignore = DockerIgnore.Load(directory);
            string? relative = RelativeInside(directory, dockerfilePath);
            string name;
            string? outside = null;
            if (relative != null)
            {
                name = relative;
                ignore = ignore.Keeping(DockerIgnore.FileName, relative);
            }
            else
            {
                name = ".dockerfile." + RandomSuffix();
                outside = dockerfilePath;
                ignore = ignore.Keeping(DockerIgnore.FileName);
            }

            return new BuildContext(directory, ignore, name, outside);
        }

        /// <summary>A fresh tar stream of the context; the caller disposes it.</summary>
        public TarWriterStream CreateStream() =>
            new TarWriterStream(
                TarEntryWalker.Walk(new DirectoryInfo(Directory), Ignore),
                OutsideDockerfile == null ? null : DockerfileName,
                OutsideDockerfile == null ? null : File.ReadAllBytes(OutsideDockerfile));

        private static string FindDefaultDockerfile(string directory)
        {
            string upper = Path.Combine(directory, DefaultDockerfile);
            string lower = Path.Combine(directory, "dockerfile");
            return !File.Exists(upper) && File.Exists(lower) ? lower : upper;
        }

        private static string? RelativeInside(string directory, string file)
        {
            string root = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            StringComparison comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return file.StartsWith(root, comparison) ? file.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/') : null;
        }

        private static string RandomSuffix()
        {
            var bytes = new byte[10];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
        }
    }
}
