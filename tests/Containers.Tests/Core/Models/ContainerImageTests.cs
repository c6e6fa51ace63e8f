using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Models
{
    /// <summary>The image object users get, made from what the private engine lists and inspects.</summary>
    public class ContainerImageTests : EngineTest
    {
        [Fact]
        public async Task A_listed_image_is_one_object_per_name_and_inspect_keeps_the_name_asked_for()
        {
            string repository = "localhost/containers-test/" + PrivateEngine.UniqueName("model");
            await Client.Images.TagAsync(Image, ImageReference.Parse(repository + ":one"));
            await Client.Images.TagAsync(Image, ImageReference.Parse(repository + ":two"));
            try
            {
                var parameters = new ImageListParameters();
                parameters.Filters.Add("reference", repository);
                ImageSummary summary = Assert.Single(await Client.Images.ListAsync(parameters));
                ContainerImage[] images = ContainerImage.FromSummary(summary, Engine).ToArray();

                Assert.Equal(new[] { "one", "two" }, images.Select(i => i.Tag).OrderBy(t => t));
                Assert.All(images, image =>
                {
                    Assert.Equal(repository, image.Repository);
                    Assert.Equal(summary.Id, image.Id);
                    Assert.Equal(summary.Id.Substring(7, 12), image.ShortId);
                    Assert.Contains(repository + ":one", image.RepoTags);
                    Assert.True(image.Size > 0);
                    Assert.Same(Engine, image.Engine);
                });
                Assert.Equal(repository + ":two", images.Single(i => i.Tag == "two").Name);

                ContainerImage two = ContainerImage.FromInspect(await Client.Images.InspectAsync(repository + ":two"), Engine, repository + ":two");
                Assert.Equal(("two", repository + ":two"), (two.Tag, two.Name));
                Assert.Equal(summary.Id, two.Id);
                ContainerImage byId = ContainerImage.FromInspect(await Client.Images.InspectAsync(summary.Id), Engine, summary.Id);
                Assert.NotNull(byId.Repository);
            }
            finally
            {
                await Client.Images.RemoveAsync(repository + ":one");
                await Client.Images.RemoveAsync(repository + ":two");
            }
        }

        [Fact]
        public void An_image_without_a_name_is_listed_once_under_its_id()
        {
            var summary = new ImageSummary { Id = "sha256:" + new string('a', 64), RepoTags = new List<string> { "<none>:<none>" }, Containers = -1 };
            ContainerImage image = Assert.Single(ContainerImage.FromSummary(summary, null!));
            Assert.Null(image.Repository);
            Assert.Null(image.Tag);
            Assert.Equal(summary.Id, image.Name);
            Assert.Null(image.Containers);
            Assert.Empty(image.RepoTags);
        }

        [Theory]
        [InlineData("registry:5000/app:v1", "registry:5000/app", "v1")]
        [InlineData("registry:5000/app", "registry:5000/app", "latest")]
        [InlineData("nginx:1.25", "nginx", "1.25")]
        public void Names_split_at_the_tag_colon_not_the_port_colon(string repoTag, string repository, string tag)
        {
            var summary = new ImageSummary
            {
                Id = "sha256:" + new string('b', 64),
                RepoTags = new List<string> { repoTag },
                RepoDigests = new List<string> { repository + "@sha256:" + new string('c', 64) },
            };
            ContainerImage image = Assert.Single(ContainerImage.FromSummary(summary, null!));
            Assert.Equal((repository, tag), (image.Repository, image.Tag));
            Assert.Equal("sha256:" + new string('c', 64), image.Digest);
        }
    }
}
