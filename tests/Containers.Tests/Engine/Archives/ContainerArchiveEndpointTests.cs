using System.Text;
using Containers.Engine.Archives;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Archives
{
    /// <summary>The archive and export endpoints against the private engine: stat, get, put, a 404 put, and export.</summary>
    public sealed class ContainerArchiveEndpointTests : EngineTest
    {
        [Fact]
        public async Task Stat_reads_Go_mode_bits_for_directories_links_and_files()
        {
            (string id, _) = await CreateAsync(new[] { "true" });

            ContainerPathStat tmp = await Client.Containers.StatPathAsync(id, "/tmp");
            Assert.True(tmp.IsDirectory);
            Assert.Equal("tmp", tmp.Name);
            Assert.Equal(0x3FF, tmp.Permissions); // 1777: the sticky bit comes back in its Unix place
            Assert.NotNull(tmp.ModifiedUtc);

            ContainerPathStat sh = await Client.Containers.StatPathAsync(id, "/bin/sh");
            Assert.True(sh.IsSymbolicLink);
            Assert.False(sh.IsFile);
            Assert.Equal("/bin/busybox", sh.LinkTarget); // resolved by the engine, inside the container

            ContainerPathStat busybox = await Client.Containers.StatPathAsync(id, "/bin/busybox");
            Assert.True(busybox.IsFile);
            Assert.Equal(0x1ED, busybox.Permissions);
            Assert.True(busybox.Size > 100_000);
        }

        [Fact]
        public async Task A_missing_path_and_a_missing_container_are_told_apart_even_by_HEAD()
        {
            (string id, _) = await CreateAsync(new[] { "true" });

            var path = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.StatPathAsync(id, "/no/such/path"));
            Assert.Equal((EngineResourceKind.ContainerPath, "/no/such/path"), (path.ResourceKind, path.ResourceId));

            var container = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.StatPathAsync(PrivateEngine.UniqueName("missing"), "/tmp"));
            Assert.Equal(EngineResourceKind.Container, container.ResourceKind);

            var get = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.GetArchiveAsync(id, "/no/such/path"));
            Assert.Equal(EngineResourceKind.ContainerPath, get.ResourceKind);
        }

        [Fact]
        public async Task Put_unpacks_a_tar_into_a_directory_and_get_returns_it_with_its_stat()
        {
            (string id, _) = await CreateAsync(new[] { "true" });
            var time = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);
            byte[] tar = Tar(("put/", TarEntryKind.Directory, null, 0x1ED, time), ("put/hello.txt", TarEntryKind.File, "hello", 0x1E4, time), ("put/link", TarEntryKind.SymbolicLink, "hello.txt", 0x1FF, time));

            await Client.Containers.PutArchiveAsync(id, "/tmp", new MemoryStream(tar));

            using ContainerArchive archive = await Client.Containers.GetArchiveAsync(id, "/tmp/put");
            Assert.True(archive.Stat.IsDirectory);
            Assert.Equal("put", archive.Stat.Name);
            var entries = new List<string>();
            var reader = new TarStreamReader(archive.Content);
            for (TarReaderEntry? entry; (entry = await reader.NextAsync()) != null;)
            {
                string data = string.Empty;
                if (entry.Kind == TarReaderEntryKind.File)
                {
                    var buffer = new byte[64];
                    int read = await reader.ReadDataAsync(buffer, 0, buffer.Length);
                    data = Encoding.UTF8.GetString(buffer, 0, read);
                }

                entries.Add($"{entry.Name} {entry.Kind} {Convert.ToString(entry.Mode, 8)} {entry.ModifiedUtc:s} {entry.LinkName}{data}");
            }

            Assert.Equal(
                new[]
                {
                    "put/ Directory 755 2021-03-04T05:06:07 ",
                    "put/hello.txt File 744 2021-03-04T05:06:07 hello",
                    "put/link SymbolicLink 777 2021-03-04T05:06:07 hello.txt",
                },
                entries);
        }

        [Fact]
        public async Task Put_into_a_missing_directory_is_a_404_about_the_path_and_the_engine_refuses_names_that_climb_out()
        {
            (string id, _) = await CreateAsync(new[] { "true" });
            byte[] tar = Tar(("a.txt", TarEntryKind.File, "a", 0x1A4, DateTime.UtcNow));

            var missing = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.PutArchiveAsync(id, "/no/such/dir", new MemoryStream(tar)));
            Assert.Equal((EngineResourceKind.ContainerPath, "/no/such/dir"), (missing.ResourceKind, missing.ResourceId));
            Assert.Contains("Could not find the file /no/such/dir", missing.Message);

            // dockerd 20.10 checks names itself: a '../' entry cannot be planted in a container through this endpoint
            // (so the client's own refusal of such names is tested with crafted archives instead).
            byte[] climbing = Tar(("../escape.txt", TarEntryKind.File, "x", 0x1A4, DateTime.UtcNow));
            var refused = await Assert.ThrowsAsync<EngineServerException>(() => Client.Containers.PutArchiveAsync(id, "/tmp", new MemoryStream(climbing)));
            Assert.Contains("is outside of", refused.Message);
        }

        [Fact]
        public async Task Export_streams_the_whole_filesystem_as_a_tar()
        {
            (string id, _) = await CreateAsync(new[] { "true" });
            var names = new HashSet<string>();
            using (Stream exported = await Client.Containers.ExportAsync(id))
            {
                var reader = new TarStreamReader(exported);
                for (TarReaderEntry? entry; (entry = await reader.NextAsync()) != null;)
                {
                    names.Add(entry.Name);
                }
            }

            Assert.Contains("bin/busybox", names);
            Assert.Contains("etc/hostname", names);
        }

        private static byte[] Tar(params (string Name, TarEntryKind Kind, string? Data, int Mode, DateTime Time)[] entries)
        {
            var tar = new MemoryStream();
            foreach (var entry in entries)
            {
                byte[] data = entry.Kind == TarEntryKind.File ? Encoding.UTF8.GetBytes(entry.Data ?? string.Empty) : Array.Empty<byte>();
                tar.Write(TarHeader.Build(entry.Name, entry.Kind, data.Length, entry.Mode, entry.Time, entry.Kind == TarEntryKind.SymbolicLink ? entry.Data : null));
                tar.Write(data);
                tar.Write(new byte[TarHeader.PaddingAfter(data.Length)]);
            }

            tar.Write(new byte[TarHeader.BlockSize * 2]);
            return tar.ToArray();
        }
    }
}
