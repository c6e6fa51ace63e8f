using Containers.Commands.Files;
using Containers.Engine.Archives;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Files
{
    public sealed class ExportContainerTests : EngineTest, IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "containers-export-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public ExportContainerTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task The_filesystem_goes_into_a_tar_file_and_PassThru_returns_the_file()
        {
            (_, string name) = await CreateAsync(new[] { "true" });
            string tar = Path.Combine(_folder, "fs.tar");

            var output = new RecordingOutput();
            await new ExportContainerCommand(tar) { PassThru = true }.ExecuteAsync(Engine, name, output, default);

            Assert.Empty(output.Errors);
            Assert.Equal(tar, Assert.IsType<FileInfo>(Assert.Single(output.Objects)).FullName);
            Assert.Equal((tar, $"Export the filesystem of container '{name}' on test-engine"), Assert.Single(output.Asked));
            Assert.Contains(output.Progress, p => p.Completed);
            var names = new HashSet<string>();
            using (FileStream stream = File.OpenRead(tar))
            {
                var reader = new TarStreamReader(stream);
                for (TarReaderEntry? entry; (entry = await reader.NextAsync()) != null;)
                {
                    names.Add(entry.Name);
                }
            }

            Assert.Contains("bin/busybox", names);
            Assert.Equal(new[] { "fs.tar" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
        }

        [Fact]
        public async Task A_missing_container_leaves_no_file_and_an_existing_file_needs_Force()
        {
            string tar = Path.Combine(_folder, "fs.tar");
            var missing = new RecordingOutput();
            await new ExportContainerCommand(tar).ExecuteAsync(Engine, PrivateEngine.UniqueName("missing"), missing, default);
            CommandError error = Assert.Single(missing.Errors);
            Assert.Equal(("ContainerNotFound", ErrorKind.ObjectNotFound), (error.ErrorId, error.Kind));
            Assert.Empty(Directory.GetFileSystemEntries(_folder));

            (_, string name) = await CreateAsync(new[] { "true" });
            File.WriteAllText(tar, "keep me");
            var refused = new RecordingOutput();
            await new ExportContainerCommand(tar).ExecuteAsync(Engine, name, refused, default);
            Assert.Equal(("FileExists", ErrorKind.ResourceExists), (refused.Errors.Single().ErrorId, refused.Errors.Single().Kind));
            Assert.Equal("keep me", File.ReadAllText(tar));

            await new ExportContainerCommand(tar) { Force = true }.ExecuteAsync(Engine, name, new RecordingOutput(), default);
            Assert.True(new FileInfo(tar).Length > 100_000);
            Assert.Equal(new[] { "fs.tar" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
        }

        [Fact]
        public async Task One_file_takes_one_container_whether_a_wildcard_matches_several_or_a_second_record_names_another()
        {
            string prefix = PrivateEngine.UniqueName("exp");
            (_, string first) = await CreateAsync(new[] { "true" }, prefix + "-a");
            (_, string second) = await CreateAsync(new[] { "true" }, prefix + "-b");
            (_, string third) = await CreateAsync(new[] { "true" });
            string tar = Path.Combine(_folder, "fs.tar");

            var output = new RecordingOutput();
            var command = new ExportContainerCommand(tar);
            await command.ExecuteAsync(Engine, new[] { prefix + "-*" }, output, default);
            await command.ExecuteAsync(Engine, new[] { third }, output, default);

            Assert.Equal(new[] { (tar, $"Export the filesystem of container '{first}' on test-engine") }, output.Asked);
            Assert.Equal(new[] { second, third }, output.Errors.Select(e => e.Target));
            Assert.All(output.Errors, e => Assert.Equal(("OneContainerPerFile", ErrorKind.InvalidArgument), (e.ErrorId, e.Kind)));
            Assert.Contains($"already holds the export of '{first}'", output.Errors[0].Message);
            Assert.Equal(new[] { "fs.tar" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
        }

        [Fact]
        public async Task WhatIf_writes_nothing()
        {
            (_, string name) = await CreateAsync(new[] { "true" });
            string tar = Path.Combine(_folder, "fs.tar");
            await new ExportContainerCommand(tar).ExecuteAsync(Engine, name, new RecordingOutput { Approve = false }, default);
            Assert.Empty(Directory.GetFileSystemEntries(_folder));
        }
    }
}
