using Containers.Commands.Images;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    public class TagAndRemoveImageTests : ImageCommandTest
    {
        [Fact]
        public async Task A_tag_is_a_further_name_normalised_and_PassThru_returns_the_image_under_it()
        {
            string repository = NewRepository("tag");
            TrackImage(repository + ":latest");
            TrackImage(repository + ":v2");
            string id = (await Client.Images.InspectAsync(Image)).Id;

            var output = new RecordingOutput();
            await new AddContainerImageTagCommand(new[] { repository, repository + ":v2" }) { PassThru = true }.ExecuteAsync(Engine, Image, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(new[] { repository + ":latest", repository + ":v2" }, output.ObjectsOf<ContainerImage>().Select(i => i.Name));
            Assert.All(output.ObjectsOf<ContainerImage>(), image => Assert.Equal(id, image.Id));
            Assert.Equal(new[] { repository + ":latest", repository + ":v2" }, await TagsOfAsync(repository));
            Assert.Contains(output.Asked, asked => asked.Action == $"Add tag '{repository}:latest'" && asked.Target.Contains(Image));
        }

        [Fact]
        public async Task A_malformed_tag_is_refused_before_anything_is_sent()
        {
            string repository = NewRepository("badtag");
            foreach (string bad in new[] { repository + ":bad!tag", repository.ToUpperInvariant() + ":v1", repository + "@sha256:" + new string('a', 64), "" })
            {
                var refused = Assert.Throws<InvalidParameterException>(() => new AddContainerImageTagCommand(new[] { repository + ":fine", bad }));
                CommandError error = ErrorClassifier.Classify(refused, null);
                Assert.Equal("InvalidTag", error.ErrorId);
                Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
                Assert.Equal(bad, error.Target);
            }

            // The good name given beside the bad one was not added either: nothing reached the engine.
            Assert.Empty(await TagsOfAsync(repository));
        }

        [Fact]
        public async Task Tagging_a_missing_image_is_ImageNotFound()
        {
            string missing = NewRepository("nosource") + ":v1";
            var output = new RecordingOutput();
            await new AddContainerImageTagCommand(new[] { NewRepository("target") }).ExecuteAsync(Engine, missing, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ImageNotFound", error.ErrorId);
            Assert.Equal(missing, error.Target);
        }

        [Fact]
        public async Task Removing_a_name_untags_and_removing_the_last_name_deletes_the_image()
        {
            string copy = await TagTestImageAsync(NewRepository("untag") + ":v1");
            string name = NewRepository("delete") + ":v1";
            string id = await CommitNewImageAsync(name);

            var output = new RecordingOutput();
            await new RemoveContainerImageCommand().ExecuteAsync(Engine, new[] { copy, name }, output, default);
            Assert.Empty(output.Errors);
            Assert.Contains("Untagged " + copy + ".", output.Verbose);
            Assert.Contains("Deleted " + id + ".", output.Verbose);
            Assert.False(await ExistsAsync(copy));
            Assert.True(await ExistsAsync(Image));
            Assert.False(await ExistsAsync(id));
            Assert.Equal(new[] { $"image '{copy}'", $"image '{name}'" }.Select(t => t + " on " + Engine.Name), output.Asked.Select(a => a.Target));
        }

        [Fact]
        public async Task Wildcards_remove_every_matching_name_a_missing_one_is_reported_and_the_next_is_still_removed()
        {
            string repository = NewRepository("rmwild");
            await TagTestImageAsync(repository + "-a:v1");
            await TagTestImageAsync(repository + "-b:v1");
            string missing = NewRepository("rmmissing") + ":v1";

            var output = new RecordingOutput();
            await new RemoveContainerImageCommand().ExecuteAsync(Engine, new[] { missing, repository + "-*", repository + "-none*" }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ImageNotFound", error.ErrorId);
            Assert.Equal(missing, error.Target);
            Assert.False(await ExistsAsync(repository + "-a:v1"));
            Assert.False(await ExistsAsync(repository + "-b:v1"));
            Assert.True(await ExistsAsync(Image));
        }

        [Fact]
        public async Task WhatIf_removes_nothing()
        {
            string copy = await TagTestImageAsync(NewRepository("whatif") + ":v1");
            var output = new RecordingOutput { Approve = false };
            await new RemoveContainerImageCommand { Force = true }.ExecuteAsync(Engine, new[] { copy }, output, default);
            Assert.Equal("Remove (force)", Assert.Single(output.Asked).Action);
            Assert.True(await ExistsAsync(copy));
        }

        [Fact]
        public async Task An_image_in_use_is_refused_with_ResourceExists_and_Force_removes_it_once_no_container_runs()
        {
            string name = NewRepository("inuse") + ":v1";
            string id = await CommitNewImageAsync(name);
            var created = await Client.Containers.CreateAsync(null, new global::Containers.Engine.Models.ContainerCreateRequest { Image = id, Cmd = Sleeper.ToList() });
            Track(created.Id);
            await Client.Containers.StartAsync(created.Id);

            // Running: refused by id, with or without -Force, and the advice is not about starting or stopping a container.
            foreach (bool force in new[] { false, true })
            {
                var output = new RecordingOutput();
                await new RemoveContainerImageCommand { Force = force }.ExecuteAsync(Engine, new[] { id }, output, default);
                CommandError refused = Assert.Single(output.Errors);
                Assert.Equal("ImageInUse", refused.ErrorId);
                Assert.Equal(ErrorKind.ResourceExists, refused.Kind);
                Assert.Equal(id, refused.Target);
                Assert.Contains("running container", refused.Message);
                Assert.DoesNotContain("Start the container", refused.RecommendedAction);
                Assert.Contains("-Force does not remove", refused.RecommendedAction);
            }

            // Its last name is refused too without -Force.
            var byName = new RecordingOutput();
            await new RemoveContainerImageCommand().ExecuteAsync(Engine, new[] { name }, byName, default);
            Assert.Equal("ImageInUse", Assert.Single(byName.Errors).ErrorId);

            // Stopped: refused without -Force, removed with it.
            await Client.Containers.KillAsync(created.Id);
            await Client.Containers.WaitAsync(created.Id);
            var stopped = new RecordingOutput();
            await new RemoveContainerImageCommand().ExecuteAsync(Engine, new[] { id }, stopped, default);
            CommandError mustForce = Assert.Single(stopped.Errors);
            Assert.Equal(("ImageInUse", ErrorKind.ResourceExists), (mustForce.ErrorId, mustForce.Kind));
            Assert.Contains("stopped container", mustForce.Message);
            Assert.Contains("-Force", mustForce.RecommendedAction);

            var forced = new RecordingOutput();
            await new RemoveContainerImageCommand { Force = true }.ExecuteAsync(Engine, new[] { id }, forced, default);
            Assert.Empty(forced.Errors);
            Assert.Contains("Deleted " + id + ".", forced.Verbose);
            Assert.False(await ExistsAsync(id));
        }

        [Fact]
        public async Task Removing_by_id_an_image_with_several_names_is_an_ImageConflict_unless_Force()
        {
            string repository = NewRepository("several");
            string id = await CommitNewImageAsync(repository + ":one");
            await Client.Images.TagAsync(id, global::Containers.Engine.References.ImageReference.Parse(repository + ":two"));
            TrackImage(repository + ":two");

            var output = new RecordingOutput();
            await new RemoveContainerImageCommand().ExecuteAsync(Engine, new[] { id }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(("ImageConflict", ErrorKind.ResourceExists), (error.ErrorId, error.Kind));
            Assert.Contains("names", error.RecommendedAction);

            output = new RecordingOutput();
            await new RemoveContainerImageCommand { Force = true }.ExecuteAsync(Engine, new[] { id }, output, default);
            Assert.Empty(output.Errors);
            Assert.Empty(await TagsOfAsync(repository));
        }
    }
}
