using System.Diagnostics;
using Containers.Commands.Containers;
using Containers.Commands.Engines;
using Containers.Engine.Errors;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Engines
{
    public class EngineCommandTests : EngineTest
    {
        private static ContainerEngine Unreachable(string address) =>
            EngineDirectory.Get(EngineEndpoint.Parse(address), null, null, address, "parameter");

        [Fact]
        public async Task Engine_info_reports_the_negotiated_version_and_counts()
        {
            await StartAsync(Sleeper);
            ContainerEngineInfo engine = await EngineInfo.LoadAsync(Engine, default);
            Assert.Equal("1.41", engine.ApiVersion);
            Assert.StartsWith("20.10", engine.EngineVersion);
            Assert.Equal("linux", engine.OSType);
            Assert.True(engine.ContainersRunning >= 1);
            Assert.True(engine.Images >= 1);
            Assert.False(string.IsNullOrEmpty(engine.StorageDriver));
            Assert.Equal(Private.Endpoint.ToString(), engine.Uri);
        }

        [Fact]
        public async Task Test_is_true_for_a_live_engine_and_false_within_seconds_for_missing_ones()
        {
            Assert.True(await new TestEngineCommand().TestAsync(Engine, new RecordingOutput(), default));

            var clock = Stopwatch.StartNew();
            var output = new RecordingOutput();
            Assert.False(await new TestEngineCommand().TestAsync(Unreachable("unix:///tmp/cte/no-such.sock"), output, default));
            Assert.False(await new TestEngineCommand().TestAsync(Unreachable("tcp://127.0.0.1:1"), output, default));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.Equal(2, output.Verbose.Count);
        }

        [Fact]
        public async Task An_unreachable_engine_is_a_ConnectionError_within_seconds_not_a_hang()
        {
            var clock = Stopwatch.StartNew();
            var failure = await Assert.ThrowsAsync<EngineConnectionException>(
                () => new GetContainerCommand().ExecuteAsync(Unreachable("tcp://127.0.0.1:1"), new RecordingOutput(), default));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.False(ErrorClassifier.IsPerTarget(failure));
            CommandError error = ErrorClassifier.Classify(failure, null);
            Assert.Equal("EngineUnreachable", error.ErrorId);
            Assert.Equal(ErrorKind.ConnectionError, error.Kind);
            Assert.Contains("127.0.0.1:1", error.Message);
        }
    }
}
