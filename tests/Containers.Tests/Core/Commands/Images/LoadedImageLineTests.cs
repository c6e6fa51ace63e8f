using Containers.Commands.Images;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    public class LoadedImageLineTests
    {
        [Theory]
        [InlineData("Loaded image: localhost/probe/busybox:latest\n", "localhost/probe/busybox:latest")]
        [InlineData("Loaded image ID: sha256:2dc6b95ae63b1cc603b7524e08bd308766f31b1362c0dd9b07fe574b31764759", "sha256:2dc6b95ae63b1cc603b7524e08bd308766f31b1362c0dd9b07fe574b31764759")]
        public void The_loaded_lines_name_the_image(string line, string expected)
        {
            Assert.True(LoadedImageLine.TryRead(line, out string nameOrId));
            Assert.Equal(expected, nameOrId);
        }

        [Theory]
        [InlineData("The image localhost/a:v1 already exists, renaming the old one with ID sha256:abc to empty string")]
        [InlineData("Loaded image: ")]
        [InlineData("")]
        public void Other_lines_name_nothing(string line) => Assert.False(LoadedImageLine.TryRead(line, out _));
    }
}
