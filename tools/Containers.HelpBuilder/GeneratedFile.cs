using System.Text;

namespace Containers.HelpBuilder
{
    /// <summary>A file the builder produces, by its path from the repository root ('/'-separated), with its exact content.</summary>
    public sealed class GeneratedFile
    {
        public static readonly Encoding Encoding = new UTF8Encoding(false);

        public GeneratedFile(string relativePath, string content)
        {
            RelativePath = relativePath;
            Content = content;
        }

        public string RelativePath { get; }

        public string Content { get; }

        public string FullPath(string repositoryRoot) => Path.Combine(repositoryRoot, RelativePath.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>Whether the file on disk already holds exactly these bytes (UTF-8 without a BOM, line feeds).</summary>
        public bool IsCurrent(string repositoryRoot)
        {
            string path = FullPath(repositoryRoot);
            return File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(Encoding.GetBytes(Content));
        }

        public override string ToString() => RelativePath;
    }
}
