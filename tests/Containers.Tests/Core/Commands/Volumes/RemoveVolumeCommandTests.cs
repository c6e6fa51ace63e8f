using Containers.Commands.Volumes;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Volumes
{
    public class RemoveVolumeCommandTests : VolumeCommandTest
    {
        [Fact]
        public async Task Named_and_wildcard_volumes_are_removed_each_asked_about()
        {
            string mark = NewName("volrm");
            string one = await CreateVolumeAsync(mark + "-1");
            string two = await CreateVolumeAsync(mark + "-2");
            string three = await CreateVolumeAsync(mark + "-3");

            var output = new RecordingOutput();
            await new RemoveContainerVolumeCommand().ExecuteAsync(Engine, new[] { one, mark + "-[23]" }, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(new[] { one, two, three }.Select(n => ($"volume '{n}' on {Engine.Name}", "Remove")), output.Asked);
            Assert.Contains("Removed volume " + two + ".", output.Verbose);
            Assert.False(await VolumeExistsAsync(one));
            Assert.False(await VolumeExistsAsync(three));
        }

        [Fact]
        public async Task A_missing_volume_is_VolumeNotFound_and_the_next_one_is_still_removed()
        {
            string missing = NewName("volgone");
            string present = await CreateVolumeAsync();
            var output = new RecordingOutput();
            await new RemoveContainerVolumeCommand().ExecuteAsync(Engine, new[] { missing, present }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("VolumeNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal(missing, error.Target);
            Assert.False(await VolumeExistsAsync(present));
        }

        [Fact]
        public async Task A_volume_in_use_is_VolumeInUse_naming_the_container_and_Force_does_not_change_that()
        {
            string name = await CreateVolumeAsync(NewName("volbusy"));
            string id = await CreateUserOfAsync(name);
            string container = (await Client.Containers.InspectAsync(id)).Name!.TrimStart('/');

            foreach (bool force in new[] { false, true })
            {
                var output = new RecordingOutput();
                await new RemoveContainerVolumeCommand { Force = force }.ExecuteAsync(Engine, new[] { name }, output, default);
                CommandError error = Assert.Single(output.Errors);
                Assert.Equal("VolumeInUse", error.ErrorId);
                Assert.Equal(ErrorKind.ResourceBusy, error.Kind);
                Assert.Equal($"The volume '{name}' is in use by container '{container}' ({id.Substring(0, 12)}, created) and was not removed.", error.Message);
                Assert.Contains("Remove the containers", error.RecommendedAction);
                Assert.True(await VolumeExistsAsync(name));
            }
        }

        [Fact]
        public async Task WhatIf_removes_nothing()
        {
            string name = await CreateVolumeAsync();
            var output = new RecordingOutput { Approve = false };
            await new RemoveContainerVolumeCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Single(output.Asked);
            Assert.True(await VolumeExistsAsync(name));
        }
    }
}
