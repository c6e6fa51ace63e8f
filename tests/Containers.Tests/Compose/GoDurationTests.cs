using Containers.Compose;
using Xunit;

namespace Containers.Tests.Compose
{
    /// <summary>Durations as compose files write them (Go's time.ParseDuration), in the nanoseconds the engine takes.</summary>
    public sealed class GoDurationTests
    {
        [Theory]
        [InlineData("0", 0L)]
        [InlineData("30s", 30_000_000_000L)]
        [InlineData("1m30s", 90_000_000_000L)]
        [InlineData("1h", 3_600_000_000_000L)]
        [InlineData("1.5s", 1_500_000_000L)]
        [InlineData(".5s", 500_000_000L)]
        [InlineData("500ms", 500_000_000L)]
        [InlineData("10us", 10_000L)]
        [InlineData("10µs", 10_000L)]
        [InlineData("7ns", 7L)]
        [InlineData("2h45m0.5s", 9_900_500_000_000L)]
        public void A_Go_duration_is_its_nanoseconds(string text, long nanoseconds)
        {
            Assert.True(GoDuration.TryParse(text, out long parsed));
            Assert.Equal(nanoseconds, parsed);
            Assert.Equal(nanoseconds, GoDuration.Nanoseconds(text));
        }

        [Theory]
        [InlineData("")]
        [InlineData("30")]
        [InlineData("1d")]
        [InlineData("-1s")]
        [InlineData("s")]
        [InlineData("1 s")]
        [InlineData("10 seconds")]
        [InlineData("9999999999h")]
        public void Other_text_is_not_a_duration(string text)
        {
            Assert.False(GoDuration.TryParse(text, out _));
            Assert.Throws<FormatException>(() => GoDuration.Nanoseconds(text));
        }
    }
}
