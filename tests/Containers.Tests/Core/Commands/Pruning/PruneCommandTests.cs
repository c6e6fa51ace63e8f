using Containers.Commands.Containers;
using Containers.Commands.Images;
using Containers.Commands.Networks;
using Containers.Commands.Pruning;
using Containers.Commands.Volumes;
using Containers.Errors;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Pruning
{
    /// <summary>
    /// The one prune base: each prune names what it would remove in its one question, narrowed by -Label and -OlderThan,
    /// and reads every value before asking. Answered "no" here, so nothing is removed from the shared engine.
    /// </summary>
    public sealed class PruneCommandTests : EngineTest
    {
        public static TheoryData<string, PruneCommand> Questions => new TheoryData<string, PruneCommand>
        {
            { "all stopped containers", new PruneContainersCommand() },
            { "stopped containers labelled a=b, c created before 24h", new PruneContainersCommand { Label = new[] { "a=b", "c" }, OlderThan = "24h" } },
            { "all unused networks created before 1h", new PruneNetworksCommand { OlderThan = "1h" } },
            { "dangling images", new PruneImagesCommand() },
            { "all unused images labelled a", new PruneImagesCommand { All = true, Label = new[] { "a" } } },
            { "all unused volumes, named ones too, labelled a", new PruneVolumesCommand { All = true, Label = new[] { "a" } } },
        };

        [Theory]
        [MemberData(nameof(Questions))]
        public async Task A_prune_asks_once_naming_what_it_would_remove_and_removes_nothing_when_told_no(string which, PruneCommand prune)
        {
            var output = new RecordingOutput { Approve = false };
            await prune.ExecuteAsync(Engine, output, default);

            Assert.Equal((which + " on " + Engine.Name, "Remove"), Assert.Single(output.Asked));
            Assert.Empty(output.Objects);
            Assert.Empty(output.Errors);
        }

        [Fact]
        public async Task A_bad_OlderThan_is_an_error_before_any_question()
        {
            var output = new RecordingOutput();
            InvalidParameterException error = await Assert.ThrowsAsync<InvalidParameterException>(() =>
                new PruneContainersCommand { OlderThan = "yesterday-ish" }.ExecuteAsync(Engine, output, default));

            Assert.Equal("OlderThan", error.ParamName);
            Assert.Empty(output.Asked);
        }
    }
}
