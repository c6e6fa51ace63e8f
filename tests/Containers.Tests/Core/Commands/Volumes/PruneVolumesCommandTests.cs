using Containers.Commands.Containers;
using Containers.Commands.Volumes;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Volumes
{
    /// <summary>
    /// The private engine is dockerd 20.10 (API 1.41), whose prune takes named volumes too. Every prune here is filtered by
    /// a label of the test's own, so it never removes what other tests made.
    /// </summary>
    public class PruneVolumesCommandTests : VolumeCommandTest
    {
        [Fact]
        public async Task On_API_1_41_a_prune_without_All_is_refused_before_anything_is_removed()
        {
            string mark = NewName("volprune");
            string named = await CreateVolumeAsync(labels: new Dictionary<string, string> { ["containers.test.prune"] = mark });

            var output = new RecordingOutput();
            await new PruneVolumesCommand { Label = new[] { "containers.test.prune=" + mark } }.ExecuteAsync(Engine, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(PruneVolumesCommand.NeedsAllErrorId, error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
            Assert.Contains("API 1.41", error.Message);
            Assert.Contains("-All", error.RecommendedAction);
            Assert.Empty(output.Asked);
            Assert.Empty(output.Objects);
            Assert.True(await VolumeExistsAsync(named));
        }

        [Fact]
        public async Task With_All_unused_volumes_go_and_one_a_container_uses_stays()
        {
            string mark = NewName("volprune");
            var labels = new Dictionary<string, string> { ["containers.test.prune"] = mark };
            string unused = await CreateVolumeAsync(labels: labels);
            string used = await CreateVolumeAsync(labels: labels);
            string unlabelled = await CreateVolumeAsync();
            await CreateUserOfAsync(used);

            // Something in the unused volume, so there is space to reclaim.
            var fill = new ContainerOptions { Image = Image, Command = new[] { "sh", "-c", "head -c 100000 /dev/zero > /data/fill" }, Volume = new[] { unused + ":/data" } };
            var filled = new RecordingOutput();
            await new InvokeContainerImageCommand(NewContainerCommand.FromOptions(fill, null, null)) { Remove = true }.ExecuteAsync(Engine, filled, default);
            Assert.Equal(0, filled.ExitCode);

            var output = new RecordingOutput();
            await new PruneVolumesCommand { All = true, Label = new[] { "containers.test.prune=" + mark } }.ExecuteAsync(Engine, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(($"all unused volumes, named ones too, labelled containers.test.prune={mark} on {Engine.Name}", "Remove"), Assert.Single(output.Asked));
            PruneResult result = Assert.Single(output.ObjectsOf<PruneResult>());
            Assert.Equal("Volume", result.Kind);
            Assert.Equal(new[] { unused }, result.Removed);
            Assert.True(result.SpaceReclaimed >= 100000, result.SpaceReclaimed.ToString());
            Assert.Empty(result.Untagged);
            Assert.Contains("Removed volume " + unused + ".", output.Verbose);
            Assert.False(await VolumeExistsAsync(unused));
            Assert.True(await VolumeExistsAsync(used));
            Assert.True(await VolumeExistsAsync(unlabelled));
        }

        [Fact]
        public async Task WhatIf_asks_once_and_removes_nothing()
        {
            string mark = NewName("volprunewhatif");
            string unused = await CreateVolumeAsync(labels: new Dictionary<string, string> { ["containers.test.prune"] = mark });
            var output = new RecordingOutput { Approve = false };
            await new PruneVolumesCommand { All = true, Label = new[] { "containers.test.prune=" + mark } }.ExecuteAsync(Engine, output, default);
            Assert.Single(output.Asked);
            Assert.Empty(output.Objects);
            Assert.True(await VolumeExistsAsync(unused));
        }
    


        [Fact]
        public async Task A_prune_asks_a_second_time_and_a_No_keeps_every_volume()
        {
            string mark = NewName("volpruneno");
            string unused = await CreateVolumeAsync(labels: new Dictionary<string, string> { ["containers.test.prune"] = mark });
            var output = new RecordingOutput { Continue = false };
            await new PruneVolumesCommand { All = true, Label = new[] { "containers.test.prune=" + mark } }.ExecuteAsync(Engine, output, default);

            Assert.Single(output.Asked);
            (string query, string caption) = Assert.Single(output.Questions);
            Assert.Equal($"Remove all unused volumes, named ones too, labelled containers.test.prune={mark} on {Engine.Name}? They cannot be brought back.", query);
            Assert.Equal("Confirm", caption);
            Assert.Empty(output.Objects);
            Assert.Empty(output.Errors);
            Assert.True(await VolumeExistsAsync(unused));
        }

        [Fact]
        public async Task Where_nobody_can_answer_nothing_is_removed_and_the_error_names_Force_and_Confirm()
        {
            string mark = NewName("volprunenoui");
            string unused = await CreateVolumeAsync(labels: new Dictionary<string, string> { ["containers.test.prune"] = mark });
            var output = new RecordingOutput { CanPrompt = false };
            await new PruneVolumesCommand { All = true, Label = new[] { "containers.test.prune=" + mark } }.ExecuteAsync(Engine, output, default);

            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(PruneConfirmation.UnansweredErrorId, error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
            Assert.Equal(Engine.Name, error.Target);
            Assert.StartsWith("Nothing was removed", error.Message);
            Assert.Contains("the test says nobody can answer", error.Message);
            Assert.Contains("-Force", error.RecommendedAction);
            Assert.Contains("-Confirm:$false", error.RecommendedAction);
            Assert.IsType<ConfirmationUnavailableException>(error.Exception);
            Assert.Empty(output.Objects);
            Assert.True(await VolumeExistsAsync(unused));
        }

        [Fact]
        public async Task Force_removes_without_the_second_question_and_WhatIf_asks_neither()
        {
            string mark = NewName("volpruneforce");
            string unused = await CreateVolumeAsync(labels: new Dictionary<string, string> { ["containers.test.prune"] = mark });

            var whatIf = new RecordingOutput { Approve = false, CanPrompt = false };
            await new PruneVolumesCommand { All = true, Label = new[] { "containers.test.prune=" + mark } }.ExecuteAsync(Engine, whatIf, default);
            Assert.Single(whatIf.Asked);
            Assert.Empty(whatIf.Questions);
            Assert.Empty(whatIf.Errors);
            Assert.True(await VolumeExistsAsync(unused));

            var output = new RecordingOutput { CanPrompt = false };
            await new PruneVolumesCommand { All = true, Force = true, Label = new[] { "containers.test.prune=" + mark } }.ExecuteAsync(Engine, output, default);
            Assert.Single(output.Asked);
            Assert.Empty(output.Questions);
            Assert.Empty(output.Errors);
            Assert.Equal(new[] { unused }, Assert.Single(output.ObjectsOf<PruneResult>()).Removed);
            Assert.False(await VolumeExistsAsync(unused));
        }
    }
}
