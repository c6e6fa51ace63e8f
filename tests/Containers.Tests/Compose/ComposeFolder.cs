using Containers.Compose;

namespace Containers.Tests.Compose
{
    /// <summary>
    /// A project directory of a test's own (removed at the end): files written into it and read with the reader, always
    /// with an environment the test gives, never this process's (tests run in parallel).
    /// </summary>
    public sealed class ComposeFolder : IDisposable
    {
        public ComposeFolder(string name = "proj")
        {
            Root = Path.Combine(Path.GetTempPath(), "containers-compose-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory = Path.Combine(Root, name);
            System.IO.Directory.CreateDirectory(Directory);
        }

        /// <summary>Holds <see cref="Directory"/>, so a test can write files beside the project.</summary>
        public string Root { get; }

        /// <summary>The project directory.</summary>
        public string Directory { get; }

        /// <summary>Writes a file (relative to the project directory; folders made) and returns its full path.</summary>
        public string Write(string relativePath, string text)
        {
            string path = Path.GetFullPath(Path.Combine(Directory, relativePath));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public ComposeProject Read(string text, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? profiles = null) =>
            ReadFiles(new[] { Write("compose.yaml", text) }, environment, profiles);

        public ComposeProject ReadFiles(IReadOnlyList<string> files, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? profiles = null, IReadOnlyList<string>? services = null) =>
            ComposeReader.Read(files, new ComposeReadOptions
            {
                Environment = environment ?? new Dictionary<string, string>(),
                Profiles = profiles,
                Services = services,
            });

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleanup; nothing depends on it.
            }
        }
    }
}
