using Containers.Commands.Images;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    public class ImageDetailAndHistoryTests : ImageCommandTest
    {
        [Fact]
        public async Task Detail_lifts_the_configuration_out_under_the_name_asked_for()
        {
            string name = NewRepository("detail") + ":v1";
            (string container, _) = await CreateAsync(new[] { "true" });
            var parameters = new ContainerCommitParameters { Repository = name.Split(':')[0], Tag = "v1", Author = "Test Author <test@example.com>", Comment = "detail test" };
            foreach (string change in new[] { "ENV MODE=test", "EXPOSE 8080/tcp", "WORKDIR /work", "USER nobody", "ENTRYPOINT [\"sh\", \"-c\"]", "CMD [\"echo hi\"]", "VOLUME /data", "LABEL purpose=detail" })
            {
                parameters.Changes.Add(change);
            }

            string id = await Client.Images.CommitAsync(container, parameters);
            TrackImage(id);

            var output = new RecordingOutput();
            await new GetContainerImageDetailCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            ContainerImageDetail detail = Assert.Single(output.ObjectsOf<ContainerImageDetail>());
            Assert.Equal(id, detail.Id);
            Assert.Equal(name, detail.Name);
            Assert.Equal("linux", detail.Os);
            Assert.False(string.IsNullOrEmpty(detail.Architecture));
            Assert.Equal("Test Author <test@example.com>", detail.Author);
            Assert.Equal("detail test", detail.Comment);
            Assert.Contains("MODE=test", detail.Env);
            Assert.Equal(new[] { "8080/tcp" }, detail.ExposedPorts);
            Assert.Equal(new[] { "/data" }, detail.Volumes);
            Assert.Equal("/work", detail.WorkingDir);
            Assert.Equal("nobody", detail.User);
            Assert.Equal(new[] { "sh", "-c" }, detail.Entrypoint);
            Assert.Equal(new[] { "echo hi" }, detail.Cmd);
            Assert.Equal("detail", detail.Labels["purpose"]);
            Assert.NotEmpty(detail.Layers);
            Assert.NotNull(detail.Config);
            Assert.Equal(container, detail.SourceContainer);
            Assert.Same(Engine, detail.Engine);
        }

        [Fact]
        public async Task Detail_expands_wildcards_and_reports_a_missing_image_and_goes_on()
        {
            string repository = NewRepository("detailwild");
            await TagTestImageAsync(repository + ":a");
            await TagTestImageAsync(repository + ":b");
            string missing = NewRepository("nothere") + ":v1";

            var output = new RecordingOutput();
            await new GetContainerImageDetailCommand().ExecuteAsync(Engine, new[] { missing, repository + ":*", missing + "*" }, output, default);
            Assert.Equal(new[] { repository + ":a", repository + ":b" }, output.ObjectsOf<ContainerImageDetail>().Select(d => d.Name));
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ImageNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal(missing, error.Target);
        }

        [Fact]
        public async Task History_lists_the_steps_newest_first_with_the_base_below()
        {
            string id = await CommitNewImageAsync(NewRepository("history") + ":v1");
            ImageInspect baseImage = await Client.Images.InspectAsync(Image);

            var output = new RecordingOutput();
            await new GetContainerImageHistoryCommand().ExecuteAsync(Engine, new[] { id }, output, default);
            ContainerImageHistoryEntry[] steps = output.ObjectsOf<ContainerImageHistoryEntry>().ToArray();
            Assert.Equal(2, steps.Length);
            Assert.Equal(id, steps[0].Id);
            Assert.Equal(id.Substring(7, 12), steps[0].ShortId);
            Assert.True(steps[0].Size > 0);
            Assert.Equal(baseImage.Id, steps[1].Id);
            Assert.Contains(Image, steps[1].Tags);
            Assert.All(steps, step => Assert.Equal(id, step.ImageName));
            Assert.True(steps[0].Created >= steps[1].Created);

            output = new RecordingOutput();
            string missing = NewRepository("nohistory") + ":v1";
            await new GetContainerImageHistoryCommand().ExecuteAsync(Engine, new[] { missing }, output, default);
            Assert.Equal("ImageNotFound", Assert.Single(output.Errors).ErrorId);
            Assert.Empty(output.Objects);
        }
    }
}
