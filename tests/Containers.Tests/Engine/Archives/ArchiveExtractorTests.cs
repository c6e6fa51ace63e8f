using System.Formats.Tar;
using System.Runtime.Versioning;
using System.Text;
using Containers.Engine.Archives;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Archives
{
    /// <summary>
    /// Unpacking what a container hands over: a real archive from the private engine (written by the docker CLI's
    /// <c>cp</c>), and crafted hostile ones that try to write outside the destination.
    /// </summary>
    [SupportedOSPlatform("linux")]
    [RequiresEngine]
    public sealed class ArchiveExtractorTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "containers-extract-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly string _destination;
        private readonly string _outside;

        public ArchiveExtractorTests()
        {
            _destination = Path.Combine(_root, "destination");
            _outside = Path.Combine(_root, "outside");
            Directory.CreateDirectory(_destination);
            Directory.CreateDirectory(_outside);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public async Task A_directory_copied_out_of_a_container_arrives_with_its_links_modes_and_times()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            string config = Path.Combine(_root, "cli");
            string name = PrivateEngine.UniqueName("cp");
            DockerCli.Run(engine.Endpoint, config, "create", "--name", name, engine.Image, "true");
            string tar = Path.Combine(_root, "bin.tar");
            try
            {
                // The test image's /bin: the busybox binary (0755) and hundreds of links to it.
                Programs.Run("sh", new[] { "-c", $"docker -H {engine.Endpoint} cp {name}:/bin - > {tar}" }, new System.Collections.Generic.Dictionary<string, string?> { ["DOCKER_CONFIG"] = config });
            }
            finally
            {
                DockerCli.Run(engine.Endpoint, config, "rm", "-f", name);
            }

            var extractor = new ArchiveExtractor(_destination, overwrite: false);
            using (FileStream stream = File.OpenRead(tar))
            {
                await extractor.ExtractAsync(stream);
            }

            string busybox = Path.Combine(_destination, "bin", "busybox");
            Assert.True(new FileInfo(busybox).Length > 100_000);
            Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(busybox));
            Assert.Equal("busybox", new FileInfo(Path.Combine(_destination, "bin", "sh")).LinkTarget);
            Assert.True(extractor.Written.Count > 100);
            Assert.Empty(Directory.GetFiles(_destination, "*.part", SearchOption.AllDirectories));
        }

        [Fact]
        public async Task What_a_build_context_archives_unpacks_to_the_same_tree()
        {
            string source = Path.Combine(_root, "source");
            string deep = string.Join("/", Enumerable.Repeat("a-rather-long-directory-name-of-some-length", 7)) + "/f\u00fcr.txt";
            foreach (string name in new[] { "Dockerfile", "top.txt", "empty/", deep })
            {
                string path = Path.Combine(source, name);
                if (name.EndsWith("/", StringComparison.Ordinal))
                {
                    Directory.CreateDirectory(path);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, name);
            }

            File.CreateSymbolicLink(Path.Combine(source, "link"), "top.txt");
            using (TarWriterStream stream = Containers.Engine.Build.BuildContext.Open(source).CreateStream())
            {
                await new ArchiveExtractor(_destination, overwrite: false).ExtractAsync(stream);
            }

            Assert.Equal(deep, File.ReadAllText(Path.Combine(_destination, deep)));
            Assert.True(Directory.Exists(Path.Combine(_destination, "empty")));
            Assert.Equal("top.txt", new FileInfo(Path.Combine(_destination, "link")).LinkTarget);
            Assert.Equal(
                Directory.GetFileSystemEntries(source, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(source, p)).OrderBy(p => p, StringComparer.Ordinal),
                Directory.GetFileSystemEntries(_destination, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(_destination, p)).OrderBy(p => p, StringComparer.Ordinal));
        }

        [Fact]
        public async Task Files_keep_their_content_mode_and_time_and_existing_files_need_overwrite()
        {
            var time = new DateTime(2020, 5, 17, 8, 30, 0, DateTimeKind.Utc);
            byte[] tar = Tar(writer =>
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "dir/") { Mode = (UnixFileMode)0x1C0, ModificationTime = time });
                writer.WriteEntry(FileEntry("dir/script.sh", "#!/bin/sh\n", (UnixFileMode)0x1E8, time));
            });

            await Extract(tar, overwrite: false);
            string script = Path.Combine(_destination, "dir", "script.sh");
            Assert.Equal("#!/bin/sh\n", File.ReadAllText(script));
            Assert.Equal((UnixFileMode)0x1E8, File.GetUnixFileMode(script));
            Assert.Equal(time, File.GetLastWriteTimeUtc(script));
            Assert.Equal(time, Directory.GetLastWriteTimeUtc(Path.Combine(_destination, "dir")));

            File.WriteAllText(script, "mine");
            var exists = await Assert.ThrowsAsync<IOException>(() => Extract(tar, overwrite: false));
            Assert.Contains("use -Force", exists.Message);
            Assert.Equal("mine", File.ReadAllText(script));

            await Extract(tar, overwrite: true);
            Assert.Equal("#!/bin/sh\n", File.ReadAllText(script));
        }

        [Theory]
        [InlineData("../escape.txt", "climbs out")]
        [InlineData("dir/../../escape.txt", "climbs out")]
        [InlineData("/tmp/containers-absolute-escape.txt", "absolute path")]
        public async Task Names_that_leave_the_destination_are_refused(string name, string reason)
        {
            byte[] tar = Tar(writer => writer.WriteEntry(FileEntry(name, "owned", (UnixFileMode)0x1A4, DateTime.UtcNow)));
            var refused = await Assert.ThrowsAsync<UnsafeArchiveEntryException>(() => Extract(tar, overwrite: true));
            Assert.Equal(name, refused.EntryName);
            Assert.Contains(reason, refused.Message);
            Assert.False(File.Exists(Path.Combine(_root, "escape.txt")));
            Assert.False(File.Exists("/tmp/containers-absolute-escape.txt"));
        }

        [Fact]
        public async Task Nothing_is_written_through_a_link_that_points_outside()
        {
            byte[] tar = Tar(writer =>
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = _outside });
                writer.WriteEntry(FileEntry("link/owned.txt", "owned", (UnixFileMode)0x1A4, DateTime.UtcNow));
            });
            var refused = await Assert.ThrowsAsync<UnsafeArchiveEntryException>(() => Extract(tar, overwrite: true));
            Assert.Equal("link/owned.txt", refused.EntryName);
            Assert.Contains("through the symbolic link", refused.Message);
            Assert.Empty(Directory.GetFileSystemEntries(_outside));
            Assert.Equal(_outside, new FileInfo(Path.Combine(_destination, "link")).LinkTarget); // the link itself is kept, as data
        }

        [Fact]
        public async Task A_link_whose_target_is_missing_is_not_written_through_either()
        {
            string missing = Path.Combine(_outside, "not-yet");
            byte[] tar = Tar(writer =>
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "dangling") { LinkName = missing });
                writer.WriteEntry(FileEntry("dangling", "replace the link with a file", (UnixFileMode)0x1A4, DateTime.UtcNow));
            });
            var refused = await Assert.ThrowsAsync<UnsafeArchiveEntryException>(() => Extract(tar, overwrite: true));
            Assert.Equal("dangling", refused.EntryName);
            Assert.False(File.Exists(missing));
        }

        [Fact]
        public async Task A_hard_link_to_something_the_archive_did_not_hold_is_refused()
        {
            byte[] tar = Tar(writer => writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "copy") { LinkName = "../../etc/passwd" }));
            var refused = await Assert.ThrowsAsync<UnsafeArchiveEntryException>(() => Extract(tar, overwrite: true));
            Assert.Equal("copy", refused.EntryName);
            Assert.False(File.Exists(Path.Combine(_destination, "copy")));
        }

        [Fact]
        public async Task An_archive_that_ends_inside_a_file_leaves_no_partial_file()
        {
            byte[] whole = Tar(writer => writer.WriteEntry(FileEntry("big.bin", new string('x', 100_000), (UnixFileMode)0x1A4, DateTime.UtcNow)));
            byte[] cut = whole.Take(50_000).ToArray();
            await Assert.ThrowsAsync<InvalidDataException>(() => Extract(cut, overwrite: false));
            Assert.Empty(Directory.GetFileSystemEntries(_destination));
        }

        private async Task Extract(byte[] tar, bool overwrite)
        {
            using var stream = new MemoryStream(tar);
            await new ArchiveExtractor(_destination, overwrite).ExtractAsync(stream);
        }

        private static PaxTarEntry FileEntry(string name, string content, UnixFileMode mode, DateTime modified) =>
            new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)), Mode = mode, ModificationTime = modified };

        private static byte[] Tar(Action<TarWriter> write)
        {
            using var output = new MemoryStream();
            using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
            {
                write(writer);
            }

            return output.ToArray();
        }
    }
}
