using Containers.Commands.Engines;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Engines
{
    /// <summary>
    /// The response timeout is part of what an engine is: the same address with another limit is another client (another
    /// pool), the same limit the same one, and a limit out of range is refused before anything is made or contacted.
    /// </summary>
    public sealed class ResponseTimeoutSelectionTests : IDisposable
    {
        private readonly MadeUpEngineSetup _setup = new MadeUpEngineSetup("containers-timeout-");

        public void Dispose() => _setup.Dispose();

        [Fact]
        public void An_address_chosen_with_a_limit_is_its_own_engine_and_the_same_one_each_time()
        {
            string address = "tcp://127.0.0.1:" + LoopbackPort.Free();
            ContainerEngine ordinary = _setup.Selector.FromAddress(address, null);
            ContainerEngine quick = _setup.Selector.FromAddress(address, null, TimeSpan.FromSeconds(5));

            Assert.Equal(TimeSpan.FromSeconds(30), ordinary.ResponseTimeout);
            Assert.Equal(TimeSpan.FromSeconds(5), quick.ResponseTimeout);
            Assert.NotSame(ordinary, quick);
            Assert.Equal(ordinary.Name, quick.Name);
            Assert.Same(quick, _setup.Selector.FromAddress(address, null, TimeSpan.FromSeconds(5)));
            Assert.Same(ordinary, _setup.Selector.FromAddress(address, null, TimeSpan.FromSeconds(30)));
            Assert.Same(quick, EngineDirectory.WithResponseTimeout(ordinary, TimeSpan.FromSeconds(5)));
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(0.999)]
        [InlineData(-1.0)]
        [InlineData(3600.001)]
        public async Task A_limit_out_of_range_is_InvalidResponseTimeout_and_the_session_keeps_its_engine(double seconds)
        {
            var output = new RecordingOutput();
            var command = new ConnectEngineCommand(_setup.Selector) { Uri = "tcp://127.0.0.1:1", ResponseTimeout = TimeSpan.FromSeconds(seconds) };

            var error = await Assert.ThrowsAsync<InvalidParameterException>(() => command.ExecuteAsync(_setup.Session, output, default));

            Assert.Equal("ResponseTimeout", error.ParamName);
            Assert.Equal(TimeSpan.FromSeconds(seconds), error.Value);
            Assert.Null(EngineSession.GetDefault(_setup.Session));
            Assert.Empty(output.Objects);
        }

        [Fact]
        public void The_range_is_one_second_to_one_hour()
        {
            Assert.Equal(TimeSpan.FromSeconds(1), ResponseTimeoutArgument.Validate(TimeSpan.FromSeconds(1)));
            Assert.Equal(TimeSpan.FromHours(1), ResponseTimeoutArgument.Validate(TimeSpan.FromHours(1)));
        }
    }
}
