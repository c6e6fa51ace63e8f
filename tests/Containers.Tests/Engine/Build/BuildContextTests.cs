using System.Formats.Tar;
using System.Text;
using Containers.Engine.Archives;
using Containers.Engine.Build;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Build
{
    /// <summary>
    /// The build context stream read back with .NET's own tar reader, and sent to the private engine, whose classic
    /// builder unpacks it into an image that the test then lists.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the engine tests run on Linux, as root
    [RequiresEngine]
    public sealed class BuildContextTests : IDisposable
    {
        // Past what ustar's 155 + 100 split can hold, so the name goes in a PAX record.
        private const int Depth = 7;
        private static readonly string LongName = string.Join("/", Enumerable.Repeat("directory-name-of-forty-characters-long", Depth)) + "/file.txt";
        private readonly string _root = Path.Combine(Path.GetTempPath(), "containers-context-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly string _context;

        public BuildContextTests()
        {
            _context = Path.Combine(_root, "context");
            Write("Dockerfile", "FROM scratch\n");
            Write("app/run.sh", "#!/bin/sh\necho run\n");
            File.SetUnixFileMode(Path.Combine(_context, "app/run.sh"), (UnixFileMode)0x1ED);
            Write("app/empty", string.Empty);
            Write("caf\u00e9/\u00fcber.txt", "non-ascii");
            Write(LongName, "deep");
            Write("ignored.log", "left out");
            Write("secrets/key", "left out");
            Write(".dockerignore", "*.log\nsecrets\n");
            File.CreateSymbolicLink(Path.Combine(_context, "app/link"), "run.sh");
            Directory.CreateDirectory(Path.Combine(_context, "empty-dir"));
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public void The_archive_holds_what_dockerignore_keeps_with_modes_links_and_long_names()
        {
            Dictionary<string, TarEntry> entries = ReadArchive(BuildContext.Open(_context));

            Assert.Equal(
                new[] { ".dockerignore", "Dockerfile", "app/", "app/empty", "app/link", "app/run.sh", "caf\u00e9/", "caf\u00e9/\u00fcber.txt", "empty-dir/" }
                    .Concat(LongName.Split('/').Select((_, i) => string.Join("/", LongName.Split('/').Take(i + 1)) + (i < Depth ? "/" : string.Empty)))
                    .OrderBy(n => n, StringComparer.Ordinal),
                entries.Keys.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal("#!/bin/sh\necho run\n", Content(entries["app/run.sh"]));
            Assert.Equal((UnixFileMode)0x1ED, entries["app/run.sh"].Mode);
            Assert.Equal(TarEntryType.SymbolicLink, entries["app/link"].EntryType);
            Assert.Equal("run.sh", entries["app/link"].LinkName);
            Assert.Equal(TarEntryType.Directory, entries["empty-dir/"].EntryType);
            Assert.True(LongName.Length > 255);
            Assert.Equal("deep", Content(entries[LongName]));
            Assert.Equal("non-ascii", Content(entries["caf\u00e9/\u00fcber.txt"]));
            Assert.Equal(0, entries["app/empty"].Length);
            Assert.All(entries.Values, entry => Assert.Equal((0, 0), (entry.Uid, entry.Gid)));
        }

        [Fact]
        public void A_dockerfile_outside_the_context_travels_under_a_name_of_its_own_and_ignored_build_files_still_travel()
        {
            Write(".dockerignore", "Dockerfile\n.dockerignore\n*.log\n");
            string outside = Path.Combine(_root, "elsewhere.Dockerfile");
            File.WriteAllText(outside, "FROM scratch\nLABEL from=outside\n");

            BuildContext inside = BuildContext.Open(_context);
            Dictionary<string, TarEntry> sent = ReadArchive(inside);
            Assert.Equal("Dockerfile", inside.DockerfileName);
            Assert.Contains("Dockerfile", sent.Keys);
            Assert.Contains(".dockerignore", sent.Keys);
            Assert.DoesNotContain("ignored.log", sent.Keys);

            BuildContext external = BuildContext.Open(_context, outside);
            Assert.StartsWith(".dockerfile.", external.DockerfileName);
            Assert.Equal("FROM scratch\nLABEL from=outside\n", Content(ReadArchive(external)[external.DockerfileName]));
        }

        [Fact]
        public void A_missing_context_or_dockerfile_is_named()
        {
            string missing = Path.Combine(_root, "nowhere");
            Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => BuildContext.Open(missing)).Message);
            File.Delete(Path.Combine(_context, "Dockerfile"));
            Assert.Contains("Dockerfile", Assert.Throws<FileNotFoundException>(() => BuildContext.Open(_context)).Message);
            Write("dockerfile", "FROM scratch\n");
            Assert.Equal("dockerfile", BuildContext.Open(_context).DockerfileName);
        }

        [Fact]
        public async Task The_engine_builds_from_the_stream_and_the_image_holds_the_kept_files()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            Write("Dockerfile", $"FROM {engine.Image}\nCOPY . /ctx/\n");
            string tag = "localhost/containers-test/context:" + Guid.NewGuid().ToString("N").Substring(0, 8);

            var request = new EngineRequest("POST", "/build") { Timeout = ResponseTimeout.None };
            request.Query.Add("t", tag).Add("dockerfile", "Dockerfile").Add("version", "1");
            using (TarWriterStream stream = BuildContext.Open(_context).CreateStream())
            {
                request.Content = RequestContent.FromStream(stream, "application/x-tar");
                using EngineResponse response = await engine.Client.SendAsync(request);
                var reader = new JsonMessageReader(response.Content);
                string? imageId = null;
                for (JsonMessage? message; (message = await reader.ReadAsync()) != null;)
                {
                    message.ThrowIfError();
                    if (message.Aux is { } aux && aux.TryGetProperty("ID", out var id))
                    {
                        imageId = id.GetString();
                    }
                }

                Assert.StartsWith("sha256:", imageId);
                Assert.True(stream.EntriesWritten >= 9);
            }

            try
            {
                string[] files = DockerCli.Run(engine.Endpoint, Path.Combine(_root, "cli"), "run", "--rm", tag, "find", "/ctx")
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Contains("/ctx/app/run.sh", files);
                Assert.Contains("/ctx/" + LongName, files);
                Assert.Contains("/ctx/caf\u00e9/\u00fcber.txt", files);
                Assert.DoesNotContain("/ctx/ignored.log", files);
                Assert.DoesNotContain("/ctx/secrets", files);
                Assert.Equal("run", DockerCli.Run(engine.Endpoint, Path.Combine(_root, "cli"), "run", "--rm", tag, "/ctx/app/link").Trim());
            }
            finally
            {
                DockerCli.Run(engine.Endpoint, Path.Combine(_root, "cli"), "rmi", "--force", tag);
            }
        }

        private void Write(string relative, string text)
        {
            string path = Path.Combine(_context, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        private static Dictionary<string, TarEntry> ReadArchive(BuildContext context)
        {
            var entries = new Dictionary<string, TarEntry>(StringComparer.Ordinal);
            using var copy = new MemoryStream();
            using (TarWriterStream stream = context.CreateStream())
            {
                // Odd-sized reads, so entries straddle the caller's buffers.
                var buffer = new byte[777];
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    copy.Write(buffer, 0, read);
                }

                Assert.Equal(copy.Length, stream.Position);
            }

            Assert.Equal(0, copy.Length % 512);
            copy.Position = 0;
            using var reader = new TarReader(copy);
            for (TarEntry? entry; (entry = reader.GetNextEntry(copyData: true)) != null;)
            {
                entries.Add(entry.Name, entry);
            }

            return entries;
        }

        private static string Content(TarEntry entry)
        {
            using var reader = new StreamReader(entry.DataStream ?? new MemoryStream(), Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }
}
