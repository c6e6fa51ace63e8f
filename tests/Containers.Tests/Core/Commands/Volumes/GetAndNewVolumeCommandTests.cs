using System.Collections;
using Containers.Commands.Volumes;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Volumes
{
    public class GetAndNewVolumeCommandTests : VolumeCommandTest
    {
        [Fact]
        public async Task A_tmpfs_volume_with_labels_is_made_and_read_back_as_an_object()
        {
            string name = NewName("volnew");
            TrackVolume(name);
            var output = new RecordingOutput();
            await new NewContainerVolumeCommand
            {
                Name = name,
                Driver = "local",
                Option = new Hashtable { ["type"] = "tmpfs", ["device"] = "tmpfs", ["o"] = "size=16m" },
                Label = new Hashtable { ["tier"] = "scratch", ["owner"] = "tests" },
            }.ExecuteAsync(Engine, output, default);

            ContainerVolume made = Assert.Single(output.ObjectsOf<ContainerVolume>());
            Assert.Empty(output.Errors);
            Assert.Empty(output.Warnings);
            Assert.Equal(("volume '" + name + "' on " + Engine.Name, "Create (driver local)"), Assert.Single(output.Asked));
            Assert.Equal(name, made.Name);
            Assert.Equal(name, made.ToString());
            Assert.False(made.IsAnonymous);
            Assert.Equal("local", made.Driver);
            Assert.Equal("local", made.Scope);
            Assert.Equal("size=16m", made.Options["o"]);
            Assert.Equal("scratch", made.Labels["tier"]);
            Assert.InRange(made.Created, DateTime.Now.AddMinutes(-5), DateTime.Now.AddMinutes(5));
            Assert.Contains(name, made.Mountpoint);
            Assert.Same(Engine, made.Engine);

            output = new RecordingOutput();
            await new GetContainerVolumeCommand { Name = new[] { name } }.ExecuteAsync(Engine, output, default);
            ContainerVolume read = Assert.Single(output.ObjectsOf<ContainerVolume>());
            Assert.Equal("tmpfs", read.Options["type"]);
            Assert.Equal("tests", read.Labels["owner"]);
            Assert.Null(read.UsageData);
        }

        [Fact]
        public async Task Creating_an_existing_name_returns_it_unchanged_with_a_warning_when_the_settings_differ()
        {
            string name = await CreateVolumeAsync(labels: new Dictionary<string, string> { ["round"] = "1" });

            var same = new RecordingOutput();
            await new NewContainerVolumeCommand { Name = name, Label = new Hashtable { ["round"] = "1" } }.ExecuteAsync(Engine, same, default);
            Assert.Equal(name, Assert.Single(same.ObjectsOf<ContainerVolume>()).Name);
            Assert.Empty(same.Warnings);
            Assert.Empty(same.Errors);

            var differs = new RecordingOutput();
            await new NewContainerVolumeCommand { Name = name, Label = new Hashtable { ["round"] = "2" } }.ExecuteAsync(Engine, differs, default);
            Assert.Equal("1", Assert.Single(differs.ObjectsOf<ContainerVolume>()).Labels["round"]);
            Assert.Contains("already existed", Assert.Single(differs.Warnings));
            Assert.Contains("labels", differs.Warnings[0]);
        }

        [Fact]
        public async Task Without_a_name_the_engine_names_the_volume_and_WhatIf_makes_nothing()
        {
            var whatIf = new RecordingOutput { Approve = false };
            await new NewContainerVolumeCommand { Label = new Hashtable { ["x"] = "y" } }.ExecuteAsync(Engine, whatIf, default);
            Assert.Equal(("a volume named by the engine on " + Engine.Name, "Create"), Assert.Single(whatIf.Asked));
            Assert.Empty(whatIf.Objects);

            var output = new RecordingOutput();
            await new NewContainerVolumeCommand().ExecuteAsync(Engine, output, default);
            ContainerVolume made = Assert.Single(output.ObjectsOf<ContainerVolume>());
            TrackVolume(made.Name);
            Assert.True(made.IsAnonymous);
        }

        [Fact]
        public async Task A_bad_option_table_is_refused_before_anything_is_sent()
        {
            var command = new NewContainerVolumeCommand { Name = NewName("volbad"), Option = new Hashtable { ["o"] = new[] { "a", "b" } } };
            var refused = await Assert.ThrowsAsync<InvalidParameterException>(() => command.ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.Equal("Option", refused.ParamName);
            Assert.False(await VolumeExistsAsync(command.Name!));
        }

        [Fact]
        public async Task A_name_longer_than_a_folder_name_is_refused_before_anything_is_sent()
        {
            var command = new NewContainerVolumeCommand { Name = NewName("vollong") + new string('x', 300) };
            var refused = await Assert.ThrowsAsync<InvalidParameterException>(() => command.ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.Equal(("InvalidName", ErrorKind.InvalidArgument), (ErrorClassifier.Classify(refused, null).ErrorId, ErrorClassifier.Classify(refused, null).Kind));
            Assert.Contains(command.Name, refused.Reason, StringComparison.Ordinal);
            Assert.False(await VolumeExistsAsync(command.Name!));

            // 255 characters are a folder name the local driver can make.
            string longest = NewName("vollong");
            longest += new string('x', 255 - longest.Length);
            TrackVolume(longest);
            await new NewContainerVolumeCommand { Name = longest }.ExecuteAsync(Engine, new RecordingOutput(), default);
            Assert.True(await VolumeExistsAsync(longest));
        }

        [Fact]
        public async Task A_missing_driver_is_PluginNotFound()
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
                new NewContainerVolumeCommand { Name = NewName("volplugin"), Driver = "containers-test-no-such-plugin" }.ExecuteAsync(Engine, new RecordingOutput(), default));
            CommandError error = ErrorClassifier.Classify(failure, null, "Volume");
            Assert.Equal("PluginNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        }

        [Fact]
        public async Task Names_wildcards_filters_and_usage()
        {
            string mark = NewName("volget");
            var labels = new Dictionary<string, string> { ["containers.test.get"] = mark };
            string a = await CreateVolumeAsync(mark + "-a", labels);
            string b = await CreateVolumeAsync(mark + "-b", labels);
            string other = await CreateVolumeAsync(mark + "-other");
            await CreateUserOfAsync(b);

            var output = new RecordingOutput();
            await new GetContainerVolumeCommand { Name = new[] { mark + "-*", a } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(new[] { a, b, other }, output.ObjectsOf<ContainerVolume>().Select(v => v.Name)); // sorted, each once
            Assert.Empty(output.Errors);

            output = new RecordingOutput();
            await new GetContainerVolumeCommand { Label = new[] { "containers.test.get=" + mark }, Driver = "local" }.ExecuteAsync(Engine, output, default);
            Assert.Equal(new[] { a, b }, output.ObjectsOf<ContainerVolume>().Select(v => v.Name));

            output = new RecordingOutput();
            await new GetContainerVolumeCommand { Label = new[] { "containers.test.get=" + mark }, Dangling = true }.ExecuteAsync(Engine, output, default);
            Assert.Equal(new[] { a }, output.ObjectsOf<ContainerVolume>().Select(v => v.Name));

            output = new RecordingOutput();
            await new GetContainerVolumeCommand { Name = new[] { a, b }, IncludeUsage = true }.ExecuteAsync(Engine, output, default);
            ContainerVolume[] withUsage = output.ObjectsOf<ContainerVolume>().ToArray();
            Assert.Equal(0, withUsage[0].UsageData!.RefCount);
            Assert.Equal(1, withUsage[1].UsageData!.RefCount);
            Assert.Equal(0, withUsage[0].UsageData!.Size);

            output = new RecordingOutput();
            string missing = NewName("volmissing");
            await new GetContainerVolumeCommand { Name = new[] { missing, NewName("volnothing") + "*" } }.ExecuteAsync(Engine, output, default);
            Assert.Empty(output.Objects);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("VolumeNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal(missing, error.Target);
        }
    }
}
