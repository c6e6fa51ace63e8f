using Containers.Commands.Images;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    /// <summary>Every prune here is filtered by a label of the test's own, so it never removes what other tests made.</summary>
    public class PruneImagesCommandTests : ImageCommandTest
    {
        [Fact]
        public async Task Dangling_images_only_by_default_every_unused_one_with_All_and_never_one_a_container_uses()
        {
            string mark = PrivateEngine.UniqueName("prune");
            var labels = new Dictionary<string, string> { ["containers.test.prune"] = mark };
            string label = "containers.test.prune=" + mark;
            string dangling = await CommitNewImageAsync(labels: labels);
            string tagged = await CommitNewImageAsync(NewRepository("pruned") + ":v1", labels);
            string used = await CommitNewImageAsync(NewRepository("used") + ":v1", labels);
            ContainerCreateResponse container = await Client.Containers.CreateAsync(null, new ContainerCreateRequest { Image = used, Cmd = new List<string> { "true" } });
            Track(container.Id);

            var output = new RecordingOutput();
            await new PruneImagesCommand { Label = new[] { label } }.ExecuteAsync(Engine, output, default);
            PruneResult result = Assert.Single(output.ObjectsOf<PruneResult>());
            Assert.Equal("Image", result.Kind);
            Assert.Contains(dangling, result.Removed);
            Assert.DoesNotContain(tagged, result.Removed);
            Assert.True(result.SpaceReclaimed > 0);
            Assert.Empty(result.Untagged);
            Assert.Contains("Deleted " + dangling + ".", output.Verbose);
            Assert.False(await ExistsAsync(dangling));
            Assert.True(await ExistsAsync(tagged));

            output = new RecordingOutput();
            await new PruneImagesCommand { All = true, Label = new[] { label } }.ExecuteAsync(Engine, output, default);
            result = Assert.Single(output.ObjectsOf<PruneResult>());
            Assert.Contains(tagged, result.Removed);
            Assert.DoesNotContain(used, result.Removed);
            Assert.Single(result.Untagged);
            Assert.False(await ExistsAsync(tagged));
            Assert.True(await ExistsAsync(used));
            Assert.True(await ExistsAsync(Image));
        }

        [Fact]
        public async Task WhatIf_asks_once_and_removes_nothing()
        {
            string mark = PrivateEngine.UniqueName("prunewhatif");
            string dangling = await CommitNewImageAsync(labels: new Dictionary<string, string> { ["containers.test.prune"] = mark });

            var output = new RecordingOutput { Approve = false };
            await new PruneImagesCommand { All = true, Label = new[] { "containers.test.prune=" + mark } }.ExecuteAsync(Engine, output, default);
            (string target, string action) = Assert.Single(output.Asked);
            Assert.Equal("Remove", action);
            Assert.Equal($"all unused images labelled containers.test.prune={mark} on {Engine.Name}", target);
            Assert.Empty(output.Objects);
            Assert.True(await ExistsAsync(dangling));
        }
    }
}
