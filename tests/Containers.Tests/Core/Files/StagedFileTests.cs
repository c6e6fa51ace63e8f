using System.Text;
using Containers.Files;
using Xunit;

namespace Containers.Tests.Core.Files
{
    public sealed class StagedFileTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "containers-staged-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public StagedFileTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string[] Files() => Directory.GetFiles(_folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

        private static Task WriteText(Stream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text), 0, Encoding.UTF8.GetByteCount(text));

        [Fact]
        public async Task A_complete_write_takes_the_name_and_leaves_nothing_else()
        {
            string path = Path.Combine(_folder, "out.tar");
            await StagedFile.WriteAsync(path, false, (stream, _) => WriteText(stream, "whole"), default);
            Assert.Equal("whole", File.ReadAllText(path));
            Assert.Equal(new[] { "out.tar" }, Files());
        }

        [Fact]
        public async Task A_failure_part_way_leaves_no_file_and_an_existing_one_untouched()
        {
            string fresh = Path.Combine(_folder, "fresh.tar");
            await Assert.ThrowsAsync<InvalidOperationException>(() => StagedFile.WriteAsync(fresh, false, async (stream, _) =>
            {
                await WriteText(stream, "half");
                throw new InvalidOperationException("the source broke");
            }, default));
            Assert.Empty(Files());

            string existing = Path.Combine(_folder, "existing.tar");
            File.WriteAllText(existing, "old");
            await Assert.ThrowsAsync<InvalidOperationException>(() => StagedFile.WriteAsync(existing, true, async (stream, _) =>
            {
                await WriteText(stream, "half");
                throw new InvalidOperationException("the source broke");
            }, default));
            Assert.Equal("old", File.ReadAllText(existing));
            Assert.Equal(new[] { "existing.tar" }, Files());
        }

        [Fact]
        public async Task An_existing_file_is_replaced_only_when_asked()
        {
            string path = Path.Combine(_folder, "out.tar");
            File.WriteAllText(path, "old");
            await Assert.ThrowsAsync<IOException>(() => StagedFile.WriteAsync(path, false, (stream, _) => WriteText(stream, "new"), default));
            Assert.Equal("old", File.ReadAllText(path));
            Assert.Equal(new[] { "out.tar" }, Files());

            await StagedFile.WriteAsync(path, true, (stream, _) => WriteText(stream, "new"), default);
            Assert.Equal("new", File.ReadAllText(path));
            Assert.Equal(new[] { "out.tar" }, Files());
        }
    }
}
