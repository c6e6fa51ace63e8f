using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    [RequiresEngine]
    public class ImagesEndpointTests
    {
        [Fact]
        public async Task The_image_list_carries_the_test_image_with_its_tags_size_and_time()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            string repository = "localhost/" + PrivateEngine.UniqueName("imglist");
            await EngineObjects.TagTestImageAsync(engine.Client, repository, "v1");
            try
            {
                var images = await engine.Client.Images.ListAsync(new ImageListParameters());

                ImageSummary image = Assert.Single(images, i => i.RepoTags != null && i.RepoTags.Contains(TestImage.Reference));
                Assert.Contains(repository + ":v1", image.RepoTags!);
                Assert.StartsWith("sha256:", image.Id, StringComparison.Ordinal);
                Assert.True(image.Size > 100_000, $"size {image.Size}");
                Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(image.Created), DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddMinutes(5));
            }
            finally
            {
                await EngineObjects.UntagImageAsync(engine.Client, repository + ":v1");
            }
        }

        [Fact]
        public async Task Filters_reach_the_engine()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            var parameters = new ImageListParameters();
            parameters.Filters.Add("reference", "localhost/no-such-image-" + Guid.NewGuid().ToString("N"));

            Assert.Empty(await engine.Client.Images.ListAsync(parameters));

            parameters = new ImageListParameters();
            parameters.Filters.Add("reference", TestImage.Reference);
            Assert.Contains(TestImage.Reference, Assert.Single(await engine.Client.Images.ListAsync(parameters)).RepoTags!);
        }
    }
}
