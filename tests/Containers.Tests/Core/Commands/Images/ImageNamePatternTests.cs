using Containers.Commands.Images;
using Containers.Engine.Models;
using Containers.Models;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    /// <summary>What a -Name value of Get-ContainerImage matches, on images made from listing entries.</summary>
    public class ImageNamePatternTests
    {
        private static readonly string Id = "sha256:" + "0123456789ab" + new string('c', 52);

        private static ContainerImage[] Listed(params string[] tags) =>
            ContainerImage.FromSummary(new ImageSummary
            {
                Id = Id,
                RepoTags = tags.ToList(),
                RepoDigests = new List<string> { "localhost/app@sha256:" + new string('d', 64) },
            }, null!).ToArray();

        private static string[] Matching(string pattern, params string[] tags) =>
            Listed(tags).Where(new ImageNamePattern(pattern).Matches).Select(i => i.Name).ToArray();

        [Theory]
        [InlineData("localhost/*", new[] { "localhost/app:v1", "localhost/app:v2" })]
        [InlineData("*:v1", new[] { "localhost/app:v1", "nginx:v1" })]
        [InlineData("localhost/app", new[] { "localhost/app:v1", "localhost/app:v2" })]
        [InlineData("localhost/ap?", new[] { "localhost/app:v1", "localhost/app:v2" })]
        [InlineData("localhost/app:v2", new[] { "localhost/app:v2" })]
        [InlineData("nginx:v1", new[] { "nginx:v1" })]
        [InlineData("docker.io/library/nginx:v1", new[] { "nginx:v1" })]
        [InlineData("NGINX*", new[] { "nginx:v1" })]
        [InlineData("0123456789ab", new[] { "localhost/app:v1", "localhost/app:v2", "nginx:v1" })]
        [InlineData("localhost/app@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd", new[] { "localhost/app:v1", "localhost/app:v2" })]
        [InlineData("localhost/other", new string[0])]
        [InlineData("ab", new string[0])]
        public void Matches_as_docker_images_reads_its_argument(string pattern, string[] expected) =>
            Assert.Equal(expected, Matching(pattern, "localhost/app:v1", "localhost/app:v2", "nginx:v1"));

        [Fact]
        public void An_image_without_a_name_is_found_by_its_id_only()
        {
            ContainerImage unnamed = Assert.Single(Listed());
            Assert.True(new ImageNamePattern(Id).Matches(unnamed));
            Assert.True(new ImageNamePattern("0123456789ab").Matches(unnamed));
            Assert.False(new ImageNamePattern("*").Matches(unnamed));
            Assert.False(new ImageNamePattern("localhost/app").Matches(unnamed));
        }
    }
}
