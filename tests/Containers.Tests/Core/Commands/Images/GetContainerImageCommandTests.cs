using System.Collections;
using Containers.Commands.Images;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    public class GetContainerImageCommandTests : ImageCommandTest
    {
        [Fact]
        public async Task Wildcards_match_repository_and_tag_and_each_name_is_one_object_sorted()
        {
            string repository = NewRepository("wild");
            await TagTestImageAsync(repository + "-b:v1");
            await TagTestImageAsync(repository + "-a:v2");
            await TagTestImageAsync(repository + "-a:v1");

            var output = new RecordingOutput();
            await new GetContainerImageCommand { Name = new[] { repository + "-*" } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(
                new[] { repository + "-a:v1", repository + "-a:v2", repository + "-b:v1" },
                output.ObjectsOf<ContainerImage>().Select(i => i.Name));
            Assert.All(output.ObjectsOf<ContainerImage>(), image =>
            {
                Assert.Same(Engine, image.Engine);
                Assert.StartsWith(repository + "-", image.Repository);
                Assert.Equal(image.Repository + ":" + image.Tag, image.Name);
            });

            // A pattern on the tag alone, and one on the repository alone (every tag).
            string tag = PrivateEngine.UniqueName("tag");
            await TagTestImageAsync(repository + "-c:" + tag);
            output = new RecordingOutput();
            await new GetContainerImageCommand { Name = new[] { "*:" + tag, repository + "-[b]" } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(new[] { repository + "-c:" + tag, repository + "-b:v1" }, output.ObjectsOf<ContainerImage>().Select(i => i.Name));
            Assert.Empty(output.Errors);
        }

        [Fact]
        public async Task A_literal_name_that_matches_nothing_is_ImageNotFound_and_a_wildcard_is_silent()
        {
            string missing = NewRepository("missing");
            var output = new RecordingOutput();
            await new GetContainerImageCommand { Name = new[] { missing + ":v1", missing + "*" } }.ExecuteAsync(Engine, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ImageNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Contains(missing + ":v1", error.Message);
            Assert.Empty(output.Objects);
        }

        [Fact]
        public async Task Literal_names_are_normalised_give_every_tag_without_one_and_ids_find_the_image()
        {
            string repository = NewRepository("lit");
            await TagTestImageAsync(repository + ":v1");
            await TagTestImageAsync(repository + ":latest");
            string id = (await Client.Images.InspectAsync(Image)).Id;

            var output = new RecordingOutput();
            await new GetContainerImageCommand { Name = new[] { repository } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(new[] { repository + ":latest", repository + ":v1" }, output.ObjectsOf<ContainerImage>().Select(i => i.Name));

            output = new RecordingOutput();
            await new GetContainerImageCommand { Name = new[] { repository + ":v1" } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(repository + ":v1", Assert.Single(output.ObjectsOf<ContainerImage>()).Name);

            // By id prefix: every name of the image, the test image's own among them.
            output = new RecordingOutput();
            await new GetContainerImageCommand { Name = new[] { id.Substring(7, 12) } }.ExecuteAsync(Engine, output, default);
            Assert.Contains(output.ObjectsOf<ContainerImage>(), i => i.Name == Image);
            Assert.Contains(output.ObjectsOf<ContainerImage>(), i => i.Name == repository + ":v1");
            Assert.All(output.ObjectsOf<ContainerImage>(), i => Assert.Equal(id, i.Id));
            Assert.Empty(output.Errors);
        }

        [Fact]
        public async Task Label_Filter_Dangling_and_All_reach_the_engine()
        {
            string mark = PrivateEngine.UniqueName("mark");
            var labels = new Dictionary<string, string> { ["containers.test.mark"] = mark };
            // A dangling image, and an image made from it: the first becomes an intermediate (a parent without a name).
            string parent = await CommitNewImageAsync(labels: labels);
            string named = NewRepository("labelled") + ":v1";
            string child = await CommitNewImageAsync(named, fromImage: parent);
            string dangling = await CommitNewImageAsync(labels: labels);

            var output = new RecordingOutput();
            await new GetContainerImageCommand { Label = new[] { "containers.test.mark=" + mark } }.ExecuteAsync(Engine, output, default);
            // Newest first, as docker images lists them (made in one second, the named one first); the intermediate only with -All.
            IReadOnlyList<ContainerImage> listed = output.ObjectsOf<ContainerImage>();
            Assert.Equal(new[] { child, dangling }.OrderBy(x => x), listed.Select(i => i.Id).OrderBy(x => x));
            Assert.True(listed[0].Created > listed[1].Created || (listed[0].Created == listed[1].Created && listed[0].Id == child), string.Join(", ", listed.Select(i => i.Name + " " + i.Created.ToString("o"))));
            Assert.Equal(named, listed.Single(i => i.Id == child).Name);
            ContainerImage unnamed = listed.Single(i => i.Id == dangling);
            Assert.Null(unnamed.Repository);
            Assert.Equal(dangling, unnamed.Name);
            Assert.Equal(mark, unnamed.Labels["containers.test.mark"]);

            output = new RecordingOutput();
            await new GetContainerImageCommand { All = true, Label = new[] { "containers.test.mark" }, Filter = new Hashtable { ["label"] = "containers.test.mark=" + mark } }
                .ExecuteAsync(Engine, output, default);
            Assert.Equal(new[] { child, dangling, parent }.OrderBy(x => x), output.ObjectsOf<ContainerImage>().Select(i => i.Id).OrderBy(x => x));

            output = new RecordingOutput();
            await new GetContainerImageCommand { Dangling = true, Label = new[] { "containers.test.mark=" + mark } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(dangling, Assert.Single(output.ObjectsOf<ContainerImage>()).Id);
        }

        [Fact]
        public async Task A_malformed_label_filter_is_refused_before_the_engine_is_asked()
        {
            var failure = await Assert.ThrowsAsync<InvalidParameterException>(() =>
                new GetContainerImageCommand { Label = new[] { "=value" } }.ExecuteAsync(Engine, new RecordingOutput(), default));
            CommandError error = ErrorClassifier.Classify(failure, null);
            Assert.Equal("InvalidLabel", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        }
    }
}
