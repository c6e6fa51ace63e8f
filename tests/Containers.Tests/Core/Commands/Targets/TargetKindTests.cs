using Containers.Commands.Containers;
using Containers.Commands.Networks;
using Containers.Commands.Targets;
using Containers.Commands.Volumes;
using Containers.Engine.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Targets
{
    /// <summary>The one target engine: how names expand for every kind, and how the loop reports and goes on.</summary>
    public sealed class TargetKindTests : EngineTest
    {
        [Fact]
        public async Task A_literal_passes_through_as_the_engine_takes_it_and_a_wildcard_matches_names_in_order_ignoring_case()
        {
            string prefix = PrivateEngine.UniqueName("tk");
            await CreateAsync(new[] { "true" }, prefix + "-c");
            await CreateAsync(new[] { "true" }, prefix + "-B");
            await CreateAsync(new[] { "true" }, prefix + "-a");

            Assert.Equal(new[] { "web" }, await ContainerTargets.Kind.ExpandAsync(Engine, "/web", default));
            Assert.Equal(new[] { "net" }, await NetworkTargets.Kind.ExpandAsync(Engine, " net ", default));
            Assert.Equal(new[] { prefix + "-a", prefix + "-B", prefix + "-c" }, await ContainerTargets.Kind.ExpandAsync(Engine, prefix + "-*", default));
            Assert.Empty(await ContainerTargets.Kind.ExpandAsync(Engine, prefix + "-z*", default));
        }

        [Fact]
        public async Task A_wildcard_matches_volume_names_and_a_missing_literal_is_the_kinds_own_NotFound_error()
        {
            string prefix = PrivateEngine.UniqueName("tkv");
            await Client.Volumes.CreateAsync(new VolumeCreateRequest { Name = prefix + "-2" });
            await Client.Volumes.CreateAsync(new VolumeCreateRequest { Name = prefix + "-1" });
            try
            {
                Assert.Equal(new[] { prefix + "-1", prefix + "-2" }, await VolumeTargets.Kind.ExpandAsync(Engine, prefix + "-?", default));

                var output = new RecordingOutput();
                await new RemoveContainerVolumeCommand().ExecuteAsync(Engine, new[] { prefix + "-missing", prefix + "-*" }, output, default);
                CommandError error = Assert.Single(output.Errors);
                Assert.Equal(("VolumeNotFound", ErrorKind.ObjectNotFound, prefix + "-missing"), (error.ErrorId, error.Kind, (string)error.Target!));
                Assert.Equal(
                    new[] { prefix + "-missing", prefix + "-1", prefix + "-2" }.Select(name => (VolumeTargets.Kind.Describe(name, Engine), "Remove")),
                    output.Asked);
            }
            finally
            {
                await Client.Volumes.RemoveAsync(prefix + "-1", force: true);
                await Client.Volumes.RemoveAsync(prefix + "-2", force: true);
            }
        }

        [Fact]
        public async Task ForEach_reports_a_failure_for_one_target_and_goes_on_with_the_next_and_asks_nothing()
        {
            (_, string name) = await CreateAsync(new[] { "true" });
            string missing = PrivateEngine.UniqueName("missing");
            var reached = new List<string>();

            var output = new RecordingOutput();
            await ContainerTargets.Kind.ForEachAsync(Engine, new[] { missing, name }, output, async target =>
            {
                await Client.Containers.InspectAsync(target);
                reached.Add(target);
            }, default);

            Assert.Equal(new[] { name }, reached);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(("ContainerNotFound", missing), (error.ErrorId, (string)error.Target!));
            Assert.Empty(output.Asked);
        }

        [Fact]
        public void A_target_reads_with_its_kind_and_its_engine_in_WhatIf_text()
        {
            Assert.Equal("container 'web' on test-engine", ContainerTargets.Kind.Describe("web", Engine));
            Assert.Equal("network 'back' on test-engine", NetworkTargets.Kind.Describe("back", Engine));
        }
    }
}
