using Containers.Commands.Containers;
using Containers.Commands.Images;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    public class ConvertToContainerImageTests : ImageCommandTest
    {
        [Fact]
        public async Task A_commit_returns_the_new_image_whose_history_has_the_new_layer_above_the_base()
        {
            (string container, string containerName) = await StartAsync(new[] { "sh", "-c", "echo changed > /changed; sleep 300" });
            await Task.Delay(300);
            string repository = NewRepository("commit");
            TrackImage(repository + ":v1");

            var output = new RecordingOutput();
            await new ConvertToContainerImageCommand(repository, "v1") { Message = "made by a test", Author = "Tester", Change = new[] { "ENV COMMITTED=yes" } }
                .ExecuteAsync(Engine, new[] { containerName }, output, default);
            Assert.Empty(output.Errors);
            ContainerImage image = Assert.Single(output.ObjectsOf<ContainerImage>());
            Assert.Equal(repository + ":v1", image.Name);
            Assert.Equal($"Commit to image '{repository}:v1'", Assert.Single(output.Asked).Action);

            ImageInspect inspect = await Client.Images.InspectAsync(image.Id);
            Assert.Contains("COMMITTED=yes", inspect.Config!.Env!);
            Assert.Equal("Tester", inspect.Author);
            Assert.Equal(container, inspect.Container);

            var history = new RecordingOutput();
            await new GetContainerImageHistoryCommand().ExecuteAsync(Engine, new[] { image.Name }, history, default);
            ContainerImageHistoryEntry[] steps = history.ObjectsOf<ContainerImageHistoryEntry>().ToArray();
            var baseSteps = await Client.Images.HistoryAsync(Image);
            Assert.Equal(baseSteps.Count + 1, steps.Length);
            Assert.Equal(image.Id, steps[0].Id);
            Assert.Equal("made by a test", steps[0].Comment);
            Assert.True(steps[0].Size > 0);
            Assert.Equal(baseSteps[0].Id, steps[1].Id);
        }

        [Fact]
        public async Task Without_a_repository_the_image_has_no_name_and_the_container_need_not_run()
        {
            (string container, _) = await CreateAsync(new[] { "true" });
            var output = new RecordingOutput();
            await new ConvertToContainerImageCommand(null, null) { NoPause = true }.ExecuteAsync(Engine, new[] { container }, output, default);
            ContainerImage image = Assert.Single(output.ObjectsOf<ContainerImage>());
            TrackImage(image.Id);
            Assert.Null(image.Repository);
            Assert.Equal(image.Id, image.Name);
            Assert.Equal("Commit to a new image", Assert.Single(output.Asked).Action);
        }

        [Theory]
        [InlineData("localhost/Upper", null, "InvalidRepository")]
        [InlineData("localhost/fine", "bad tag", "InvalidTag")]
        [InlineData("localhost/fine:v1", "v2", "InvalidTag")]
        [InlineData("localhost/fine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", null, "InvalidRepository")]
        [InlineData(null, "v1", "InvalidTag")]
        public void A_malformed_name_is_refused_before_anything_is_sent(string? repository, string? tag, string errorId)
        {
            var refused = Assert.Throws<InvalidParameterException>(() => new ConvertToContainerImageCommand(repository, tag));
            CommandError error = ErrorClassifier.Classify(refused, null);
            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        }

        [Fact]
        public async Task A_missing_container_is_ContainerNotFound_and_a_pattern_matching_several_is_refused_with_a_name()
        {
            string prefix = PrivateEngine.UniqueName("several");
            await CreateAsync(new[] { "true" }, prefix + "-a");
            await CreateAsync(new[] { "true" }, prefix + "-b");
            string missing = PrivateEngine.UniqueName("nocontainer");

            var output = new RecordingOutput();
            await new ConvertToContainerImageCommand(NewRepository("several"), null).ExecuteAsync(Engine, new[] { missing, prefix + "-*" }, output, default);
            Assert.Equal(new[] { "ContainerNotFound", "InvalidName" }, output.Errors.Select(e => e.ErrorId));
            Assert.Empty(output.Objects);
        }
    }
}
