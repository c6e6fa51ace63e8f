using System.Formats.Tar;
using System.Runtime.Versioning;
using System.Text;
using Containers.Commands.Files;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Files
{
    /// <summary>Copy-ContainerItem in both directions against the private engine, with docker cp's destination rules.</summary>
    [SupportedOSPlatform("linux")]
    public sealed class CopyContainerItemTests : EngineTest, IDisposable
    {
        private static readonly DateTime Old = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        private readonly string _root = Path.Combine(Path.GetTempPath(), "containers-cp-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public CopyContainerItemTests()
        {
            Directory.CreateDirectory(_root);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private string Host(string relative) => Path.Combine(_root, relative);

        /// <summary>site/ (0750) with index.html (0640), run.sh (0755), css/app.css, and current -> index.html.</summary>
        private string MakeTree(string name)
        {
            string site = Host(name);
            Directory.CreateDirectory(Path.Combine(site, "css"));
            Write(Path.Combine(site, "index.html"), "<h1>hello</h1>", (UnixFileMode)0x1A0, Old);
            Write(Path.Combine(site, "run.sh"), "#!/bin/sh\necho hi\n", (UnixFileMode)0x1ED, Old.AddHours(1));
            Write(Path.Combine(site, "css", "app.css"), "body{}", (UnixFileMode)0x1A4, Old.AddHours(2));
            File.CreateSymbolicLink(Path.Combine(site, "current"), "index.html");
            Directory.SetLastWriteTimeUtc(Path.Combine(site, "css"), Old.AddDays(1));
            File.SetUnixFileMode(site, (UnixFileMode)0x1E8);
            Directory.SetLastWriteTimeUtc(site, Old.AddDays(2));
            return site;
        }

        private static void Write(string path, string text, UnixFileMode mode, DateTime time)
        {
            File.WriteAllText(path, text);
            File.SetUnixFileMode(path, mode);
            File.SetLastWriteTimeUtc(path, time);
        }

        private async Task<RecordingOutput> ToContainer(string container, string destination, bool force = false, bool passThru = false, params string[] sources)
        {
            var output = new RecordingOutput();
            await new CopyToContainerCommand(destination) { Force = force, PassThru = passThru }.ExecuteAsync(Engine, container, sources, output, default);
            return output;
        }

        private async Task<RecordingOutput> FromContainer(string container, string source, string destination, bool force = false, bool passThru = false, bool followLink = false)
        {
            var output = new RecordingOutput();
            await new CopyFromContainerCommand(destination) { Force = force, PassThru = passThru, FollowLink = followLink }.ExecuteAsync(Engine, container, new[] { source }, output, default);
            return output;
        }

        private static string Describe(string root)
        {
            // Every entry with its kind, mode, time (whole seconds, as tar keeps them) and content or link target.
            var lines = Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).Select(path =>
            {
                var info = new FileInfo(path);
                string relative = Path.GetRelativePath(root, path);
                if (info.LinkTarget != null)
                {
                    return $"{relative} -> {info.LinkTarget}";
                }

                string mode = Convert.ToString((int)File.GetUnixFileMode(path), 8);
                if (Directory.Exists(path))
                {
                    return $"{relative}/ {mode} {Directory.GetLastWriteTimeUtc(path):s}";
                }

                return $"{relative} {mode} {File.GetLastWriteTimeUtc(path):s} {File.ReadAllText(path)}";
            });
            return string.Join("\n", lines);
        }

        [Fact]
        public async Task A_tree_with_a_link_goes_into_a_container_and_back_with_contents_modes_times_and_the_link()
        {
            string site = MakeTree("site");
            (string id, string name) = await CreateAsync(new[] { "true" });

            RecordingOutput sent = await ToContainer(name, "/tmp", passThru: true, sources: site);
            Assert.Empty(sent.Errors);
            ContainerItem item = Assert.Single(sent.ObjectsOf<ContainerItem>());
            Assert.Equal((name, "/tmp/site", "Directory", "drwxr-x---"), (item.Container, item.Path, item.ItemType, item.Mode));
            Assert.Equal(("/tmp/site", $"Copy '{site}' into container '{name}' on test-engine"), (sent.Asked.Single().Target.Split(':')[1], sent.Asked.Single().Action));
            Assert.Contains(sent.Progress, p => p.Completed && p.Activity == $"Copying site to {name}:/tmp/site");
            ContainerPathStat link = await Client.Containers.StatPathAsync(id, "/tmp/site/current");
            Assert.True(link.IsSymbolicLink);

            string back = Host("back");
            RecordingOutput received = await FromContainer(name, "/tmp/site", back, passThru: true);
            Assert.Empty(received.Errors);
            DirectoryInfo made = Assert.IsType<DirectoryInfo>(Assert.Single(received.Objects));
            Assert.Equal(back, made.FullName);

            Assert.Equal(Describe(site), Describe(back));
            Assert.Equal(File.GetUnixFileMode(site), File.GetUnixFileMode(back));
            Assert.Equal(Directory.GetLastWriteTimeUtc(site), Directory.GetLastWriteTimeUtc(back));
            Assert.Equal("index.html", new FileInfo(Path.Combine(back, "current")).LinkTarget);
            Assert.Empty(Directory.GetFileSystemEntries(_root, ".containers-copy-*", SearchOption.AllDirectories));
        }

        [Fact]
        public async Task Destinations_follow_docker_cp_an_existing_directory_receives_the_copy_a_new_name_renames_and_slash_dot_copies_contents()
        {
            string site = MakeTree("site");
            (_, string name) = await CreateAsync(new[] { "true" });

            // Into the container: a new name for the directory, and the contents of the directory into an existing one.
            Assert.Empty((await ToContainer(name, "/tmp/renamed", sources: site)).Errors);
            Assert.Empty((await ToContainer(name, "/root", sources: site + "/.")).Errors);
            Assert.Empty((await ToContainer(name, "/tmp/single.txt", sources: Path.Combine(site, "index.html"))).Errors);

            // Out again: into an existing directory, under a new name, contents only, and a file under a new name.
            Directory.CreateDirectory(Host("into"));
            Assert.Empty((await FromContainer(name, "/tmp/renamed", Host("into"))).Errors);
            Assert.True(File.Exists(Host("into/renamed/css/app.css")));
            Assert.Empty((await FromContainer(name, "/root/.", Host("contents"))).Errors);
            Assert.Equal("<h1>hello</h1>", File.ReadAllText(Host("contents/index.html")));
            Directory.CreateDirectory(Host("existing"));
            Assert.Empty((await FromContainer(name, "/root/.", Host("existing"))).Errors);
            Assert.True(File.Exists(Host("existing/run.sh")));
            Assert.Empty((await FromContainer(name, "/tmp/single.txt", Host("copy.html"))).Errors);
            Assert.Equal("<h1>hello</h1>", File.ReadAllText(Host("copy.html")));

            // A link is copied as a link, unless -FollowLink.
            Assert.Empty((await FromContainer(name, "/bin/sh", Host("sh"))).Errors);
            Assert.Equal("busybox", new FileInfo(Host("sh")).LinkTarget);
            Assert.Empty((await FromContainer(name, "/bin/sh", Host("sh-binary"), followLink: true)).Errors);
            Assert.Null(new FileInfo(Host("sh-binary")).LinkTarget);
            Assert.True(new FileInfo(Host("sh-binary")).Length > 100_000);

            // Into the container too: a link goes as a link, and as what it points at with -FollowLink.
            string link = Path.Combine(site, "current");
            Assert.Empty((await ToContainer(name, "/tmp/as-link", sources: link)).Errors);
            Assert.Equal("/tmp/index.html", (await Client.Containers.StatPathAsync(name, "/tmp/as-link")).LinkTarget);
            var followed = new RecordingOutput();
            await new CopyToContainerCommand("/tmp/as-file") { FollowLink = true, PassThru = true }.ExecuteAsync(Engine, name, new[] { link }, followed, default);
            Assert.Empty(followed.Errors);
            ContainerItem file = Assert.Single(followed.ObjectsOf<ContainerItem>());
            Assert.Equal(("File", 14L, "-rw-r-----"), (file.ItemType, file.Length, file.Mode));

            // A file cannot go to a "directory/" that does not exist, nor into a folder that does not exist.
            CommandError notDirectory = Assert.Single((await FromContainer(name, "/tmp/single.txt", Host("nodir") + "/")).Errors);
            Assert.Equal(("PathNotFound", ErrorKind.ObjectNotFound), (notDirectory.ErrorId, notDirectory.Kind));
            CommandError noParent = Assert.Single((await FromContainer(name, "/tmp/single.txt", Host("missing/copy.txt"))).Errors);
            Assert.Equal(("PathNotFound", ErrorKind.ObjectNotFound), (noParent.ErrorId, noParent.Kind));
            Assert.False(Directory.Exists(Host("missing")));
        }

        [Fact]
        public async Task The_root_is_copied_as_its_contents_and_WhatIf_copies_nothing()
        {
            // Asked for as '/', the engine names every entry with an absolute path, which the extractor would refuse.
            (_, string name) = await CreateAsync(new[] { "true" });
            RecordingOutput root = await FromContainer(name, "/", Host("rootfs"));
            Assert.Empty(root.Errors);
            Assert.True(new FileInfo(Host("rootfs/bin/busybox")).Length > 100_000);
            Assert.Equal("busybox", new FileInfo(Host("rootfs/bin/sh")).LinkTarget);

            var asked = new RecordingOutput { Approve = false };
            await new CopyFromContainerCommand(Host("whatif")).ExecuteAsync(Engine, name, new[] { "/etc" }, asked, default);
            Assert.Equal((Host("whatif"), $"Copy '/etc' from container '{name}' on test-engine"), Assert.Single(asked.Asked));
            Assert.False(Directory.Exists(Host("whatif")));

            string site = MakeTree("site");
            var notSent = new RecordingOutput { Approve = false };
            await new CopyToContainerCommand("/tmp").ExecuteAsync(Engine, name, new[] { site }, notSent, default);
            Assert.Single(notSent.Asked);
            await Assert.ThrowsAsync<global::Containers.Engine.Errors.EngineNotFoundException>(() => Client.Containers.StatPathAsync(name, "/tmp/site"));
        }

        [Fact]
        public async Task Existing_files_are_replaced_only_with_Force_and_without_it_nothing_of_the_copy_is_written()
        {
            string site = MakeTree("site");
            (string id, string name) = await CreateAsync(new[] { "true" });
            Assert.Empty((await ToContainer(name, "/tmp", sources: site)).Errors);

            // Out of the container: one file of the tree exists on this side.
            string into = Host("into");
            Directory.CreateDirectory(Path.Combine(into, "site", "css"));
            File.WriteAllText(Path.Combine(into, "site", "css", "app.css"), "mine");
            CommandError exists = Assert.Single((await FromContainer(name, "/tmp/site", into)).Errors);
            Assert.Equal(("ItemExists", ErrorKind.ResourceExists), (exists.ErrorId, exists.Kind));
            Assert.Contains(Path.Combine(into, "site", "css", "app.css"), exists.Message);
            Assert.Equal("mine", File.ReadAllText(Path.Combine(into, "site", "css", "app.css")));
            Assert.False(File.Exists(Path.Combine(into, "site", "index.html")), "nothing of the refused copy was written");
            Assert.Empty(Directory.GetFileSystemEntries(_root, ".containers-copy-*", SearchOption.AllDirectories));

            Assert.Empty((await FromContainer(name, "/tmp/site", into, force: true)).Errors);
            Assert.Equal("body{}", File.ReadAllText(Path.Combine(into, "site", "css", "app.css")));
            Assert.True(File.Exists(Path.Combine(into, "site", "index.html")));

            // Into the container: a file of the tree exists there already.
            File.WriteAllText(Path.Combine(site, "css", "app.css"), "changed");
            File.WriteAllText(Path.Combine(site, "new.txt"), "new");
            CommandError inContainer = Assert.Single((await ToContainer(name, "/tmp", sources: site)).Errors);
            Assert.Equal(("ItemExists", ErrorKind.ResourceExists), (inContainer.ErrorId, inContainer.Kind));
            Assert.Equal(name + ":/tmp/site/css/app.css", inContainer.Target);
            await Assert.ThrowsAsync<global::Containers.Engine.Errors.EngineNotFoundException>(() => Client.Containers.StatPathAsync(id, "/tmp/site/new.txt"));

            Assert.Empty((await ToContainer(name, "/tmp", force: true, sources: site)).Errors);
            Assert.Equal(7, (await Client.Containers.StatPathAsync(id, "/tmp/site/css/app.css")).Size);
        }

        [Fact]
        public async Task Missing_sources_destinations_and_containers_are_ObjectNotFound()
        {
            string site = MakeTree("site");
            (_, string name) = await CreateAsync(new[] { "true" });

            CommandError noDestination = Assert.Single((await ToContainer(name, "/no/such/dir/site", sources: site)).Errors);
            Assert.Equal(("ContainerPathNotFound", ErrorKind.ObjectNotFound), (noDestination.ErrorId, noDestination.Kind));
            Assert.Contains("/no/such/dir", noDestination.Message);

            CommandError noSource = Assert.Single((await FromContainer(name, "/no/such/file", Host("out"))).Errors);
            Assert.Equal(("ContainerPathNotFound", ErrorKind.ObjectNotFound), (noSource.ErrorId, noSource.Kind));
            Assert.False(File.Exists(Host("out")));

            CommandError noHostSource = Assert.Single((await ToContainer(name, "/tmp", sources: Host("absent"))).Errors);
            Assert.Equal(("PathNotFound", ErrorKind.ObjectNotFound), (noHostSource.ErrorId, noHostSource.Kind));

            string missing = PrivateEngine.UniqueName("missing");
            CommandError noContainer = Assert.Single((await FromContainer(missing, "/etc", Host("out"))).Errors);
            Assert.Equal(("ContainerNotFound", ErrorKind.ObjectNotFound), (noContainer.ErrorId, noContainer.Kind));
            CommandError noContainerTo = Assert.Single((await ToContainer(missing, "/tmp", sources: site)).Errors);
            Assert.Equal(("ContainerNotFound", ErrorKind.ObjectNotFound), (noContainerTo.ErrorId, noContainerTo.Kind));
            Assert.Equal(new[] { "site" }, Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
        }

        [Fact]
        public async Task A_link_on_this_side_is_never_written_through_by_a_copy_out_of_a_container()
        {
            // The engine will not plant a hostile archive, but the destination can hold a link pointing outside it.
            string site = MakeTree("site");
            (_, string name) = await CreateAsync(new[] { "true" });
            Assert.Empty((await ToContainer(name, "/tmp", sources: site)).Errors);

            string outside = Host("outside");
            string into = Host("into");
            Directory.CreateDirectory(outside);
            Directory.CreateDirectory(into);
            File.CreateSymbolicLink(Path.Combine(into, "site"), outside);

            CommandError refused = Assert.Single((await FromContainer(name, "/tmp/site", into, force: true)).Errors);
            Assert.Equal(("UnsafeDestination", ErrorKind.SecurityError), (refused.ErrorId, refused.Kind));
            Assert.Contains(Path.Combine(into, "site"), refused.Message);
            Assert.Empty(Directory.GetFileSystemEntries(outside));
            Assert.Equal(new[] { "site" }, Directory.GetFileSystemEntries(into).Select(Path.GetFileName));
        }

        [Theory]
        [InlineData("site/../../escape.txt", "climbs out")]
        [InlineData("../escape.txt", "climbs out")]
        [InlineData("/tmp/containers-cp-absolute-escape.txt", "absolute path")]
        [InlineData("site/link/escape.txt", "through the symbolic link")]
        public async Task A_hostile_archive_is_refused_naming_the_entry_and_nothing_is_written(string hostile, string reason)
        {
            // dockerd refuses to store '../' names and stores absolute ones under the target, so the archive a hostile
            // engine could send is crafted here and handed to the command as if it had come from the engine.
            string outside = Host("outside");
            string into = Host("into");
            Directory.CreateDirectory(outside);
            Directory.CreateDirectory(into);
            using var tar = new MemoryStream();
            using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "site/"));
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "site/good.txt") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("good")) });
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "site/link") { LinkName = outside });
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, hostile) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("owned")) });
            }

            tar.Position = 0;
            var output = new RecordingOutput();
            var stat = new ContainerPathStat { Name = "site", Mode = 1u << 31 | 0x1ED };
            FileSystemInfo? copied = await new CopyFromContainerCommand(into).CopyArchiveAsync(tar, stat, null, "hostile:/site", output, default);

            Assert.Null(copied);
            CommandError refused = Assert.Single(output.Errors);
            Assert.Equal(("UnsafeArchiveEntry", ErrorKind.SecurityError), (refused.ErrorId, refused.Kind));
            Assert.Equal(hostile, refused.Target);
            Assert.Contains($"'{hostile}'", refused.Message);
            Assert.Contains(reason, refused.Message);
            Assert.Empty(Directory.GetFileSystemEntries(outside));
            Assert.Empty(Directory.GetFileSystemEntries(into)); // not even the good file: the copy is whole or nothing
            Assert.False(File.Exists(Host("escape.txt")));
            Assert.False(File.Exists("/tmp/containers-cp-absolute-escape.txt"));
        }
    }
}
