using System.Collections;
using Containers.Commands.Containers;
using Containers.Commands.Volumes;
using Containers.Errors;
using Containers.Models;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Volumes
{
    /// <summary>Volume objects in -Mount and -Volume, as New-Container and Invoke-ContainerImage take them.</summary>
    public class VolumeMountTests : VolumeCommandTest
    {
        [Fact]
        public async Task What_one_container_writes_through_a_mounted_volume_object_another_reads()
        {
            var made = new RecordingOutput();
            await new NewContainerVolumeCommand { Name = NewName("volshare") }.ExecuteAsync(Engine, made, default);
            ContainerVolume volume = Assert.Single(made.ObjectsOf<ContainerVolume>());
            TrackVolume(volume.Name);

            // -Mount @{ Source = $volume; Target = '/data' }
            var writer = new ContainerOptions
            {
                Image = Image,
                Command = new[] { "sh", "-c", "echo shared-through-volume > /data/note" },
                Mount = new object[] { new Hashtable { ["Source"] = volume, ["Target"] = "/data" } },
            };
            var wrote = new RecordingOutput();
            await new InvokeContainerImageCommand(NewContainerCommand.FromOptions(writer, null, null)) { Remove = true }.ExecuteAsync(Engine, wrote, default);
            Assert.Equal(0, wrote.ExitCode);
            Assert.Empty(wrote.Errors);

            // -Volume "${volume}:/data:ro" (PowerShell makes the object its name in a string)
            var reader = new ContainerOptions { Image = Image, Command = new[] { "cat", "/data/note" }, Volume = new[] { volume + ":/data:ro" } };
            var read = new RecordingOutput();
            await new InvokeContainerImageCommand(NewContainerCommand.FromOptions(reader, null, null)) { Remove = true }.ExecuteAsync(Engine, read, default);
            Assert.Equal(new object[] { "shared-through-volume" }, read.Objects);
            Assert.Equal(0, read.ExitCode);
        }

        [Fact]
        public async Task A_volume_object_without_a_target_or_as_a_bind_source_is_refused_with_the_way_to_write_it()
        {
            string name = await CreateVolumeAsync(NewName("volobj"));
            ContainerVolume volume = ContainerVolume.FromVolume(await Client.Volumes.InspectAsync(name), Engine);

            var alone = Assert.Throws<InvalidParameterException>(() => MountSpecParser.Parse(volume, null));
            Assert.Equal("Mount", alone.ParamName);
            Assert.Contains("Target = '/data'", alone.Reason);

            var bind = Assert.Throws<InvalidParameterException>(() => MountSpecParser.Parse(new Hashtable { ["type"] = "bind", ["source"] = volume, ["target"] = "/x" }, null));
            Assert.Contains("mounts as type volume, not bind", bind.Reason);

            var mount = MountSpecParser.Parse(new Hashtable { ["src"] = volume, ["dst"] = "/x", ["readonly"] = true }, null);
            Assert.Equal("volume", mount.Type);
            Assert.Equal(volume.Name, mount.Source);
            Assert.True(mount.ReadOnly);

            // -Volume $volume: PowerShell passes the name, which says what but not where.
            var nameOnly = Assert.Throws<InvalidParameterException>(() => VolumeSpecParser.Parse(volume.ToString(), null));
            Assert.Contains($"write '{volume.Name}:/path'", nameOnly.Reason);
        }
    }
}
