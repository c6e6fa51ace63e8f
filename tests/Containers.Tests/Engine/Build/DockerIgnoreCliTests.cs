using Containers.Engine.Build;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Build
{
    /// <summary>
    /// The docker CLI as the oracle: it builds a context with a tricky .dockerignore (classic builder, private engine),
    /// the image lists what arrived, and our matcher must keep exactly those files.
    /// </summary>
    [RequiresEngine]
    public sealed class DockerIgnoreCliTests : IDisposable
    {
        private static readonly string[] Files =
        {
            "main.go", "cmd/main.go", "cmd/deep/x.go", "README.md", "CHANGES.md", "docs/keep.md", "docs/other.md",
            "docs/img/a.png", "node_modules/pkg/index.js", "keep/public", "keep/secret", "a+b", "(x)", "file",
            "a/b/file", "a/b/file2", "a/x/y/file2", "notes.txt", "sub/notes.txt", "caf\u00e9.txt", "with space/f",
        };

        private const string Patterns =
            "# comment line\n*.md\n!README.md\nnode_modules\n**/*.go\n!cmd/main.go\nkeep/secret\na/**/file2\n(x)\n"
            + "docs\n!docs/*.md\ndocs/other.md\n/notes.txt\nwith?space\n!with space/f\n";

        private readonly string _root = Path.Combine(Path.GetTempPath(), "containers-ignore-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public async Task Our_matcher_keeps_exactly_the_files_the_docker_cli_sends()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            string context = Path.Combine(_root, "context");
            foreach (string file in Files)
            {
                string path = Path.Combine(context, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file);
            }

            File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {engine.Image}\nCOPY . /ctx/\n");
            File.WriteAllText(Path.Combine(context, DockerIgnore.FileName), Patterns);

            string tag = "localhost/containers-test/ignore:" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Docker(engine, "build", "--quiet", "--tag", tag, context);
            string[] sent;
            try
            {
                sent = Docker(engine, "run", "--rm", tag, "find", "/ctx", "-type", "f")
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line.Trim().Substring("/ctx/".Length))
                    .OrderBy(path => path, StringComparer.Ordinal)
                    .ToArray();
            }
            finally
            {
                Docker(engine, "rmi", "--force", tag);
            }

            DockerIgnore ignore = DockerIgnore.Load(context);
            string[] kept = Files.Append("Dockerfile").Append(DockerIgnore.FileName)
                .Where(path => !ignore.IsIgnored(path))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(sent, kept);
            Assert.Contains("README.md", kept); // the patterns did something in both directions
            Assert.DoesNotContain("CHANGES.md", kept);
        }

        private string Docker(PrivateEngine engine, params string[] arguments) => DockerCli.Run(engine.Endpoint, Path.Combine(_root, "docker-config"), arguments);
    }
}
