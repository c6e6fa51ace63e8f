using Containers.Errors;
using Containers.Parsing;
using Xunit;

namespace Containers.Tests.Core.Parsing
{
    public class ByteSizeAndCpuParserTests
    {
        [Theory]
        [InlineData("512m", 512L * 1024 * 1024)]
        [InlineData("1g", 1024L * 1024 * 1024)]
        [InlineData("1.5G", 1536L * 1024 * 1024)]
        [InlineData("2GiB", 2048L * 1024 * 1024)]
        [InlineData("100kb", 102400L)]
        [InlineData("4096", 4096L)]
        [InlineData("10 b", 10L)]
        public void Docker_size_text_uses_binary_units(string text, long bytes) => Assert.Equal(bytes, ByteSizeParser.Parse(text, "Memory"));

        [Fact]
        public void Numbers_are_bytes_as_PowerShell_computes_them()
        {
            Assert.Equal(536870912L, ByteSizeParser.Parse(536870912L, "Memory")); // 512MB
            Assert.Equal(1024L, ByteSizeParser.Parse(1024, "Memory"));
            Assert.Equal(2048L, ByteSizeParser.Parse(2048.0, "Memory"));
        }

        [Theory]
        [InlineData("lots")]
        [InlineData("12x")]
        [InlineData("-5m")]
        [InlineData("5mm")]
        [InlineData("")]
        public void Malformed_sizes_name_the_parameter_and_value(string text)
        {
            var error = Assert.Throws<InvalidParameterException>(() => ByteSizeParser.Parse(text, "Memory"));
            Assert.Equal("Memory", error.ParamName);
            Assert.Equal(text, error.Value);
            Assert.Contains($"'{text}'", error.Reason);
        }

        [Theory]
        [InlineData("1k")]
        [InlineData("5m")]
        [InlineData(6291455L)]
        public void A_memory_limit_under_6_MB_is_refused_naming_the_value(object value)
        {
            var error = Assert.Throws<InvalidParameterException>(() => MemoryLimit.Parse(value, "Memory"));
            Assert.Equal("Memory", error.ParamName);
            Assert.Contains("'" + value + "'", error.Reason, System.StringComparison.Ordinal);
            Assert.Contains("6 MB", error.Reason, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("6m", 6291456L)]
        [InlineData(0, 0L)]
        [InlineData("0", 0L)]
        public void Six_MB_and_no_limit_are_memory_limits(object value, long bytes) => Assert.Equal(bytes, MemoryLimit.Parse(value, "Memory"));

        [Fact]
        public void Fractional_and_negative_byte_counts_are_refused()
        {
            Assert.Contains("whole", Assert.Throws<InvalidParameterException>(() => ByteSizeParser.Parse(1.5, "Memory")).Reason);
            Assert.Contains("negative", Assert.Throws<InvalidParameterException>(() => ByteSizeParser.Parse(-1L, "Memory")).Reason);
        }

        [Theory]
        [InlineData("99999999999999999999999G", "too large")]
        [InlineData("99999999999999999999999999999999999", "too large")]
        [InlineData("8589934592g", "too large")]
        [InlineData("-1g", "negative")]
        [InlineData("12Q", "not a unit")]
        [InlineData("1.2.3m", "does not start with a number")]
        [InlineData(1e99, "too large")]
        [InlineData(double.PositiveInfinity, "too large")]
        [InlineData(double.NegativeInfinity, "negative")]
        [InlineData(double.NaN, "not a number")]
        [InlineData(-5.0, "negative")]
        [InlineData(9.3e18, "too large")]
        [InlineData(float.MaxValue, "too large")]
        public void Sizes_past_what_the_engine_takes_are_named_errors_not_overflows(object value, string reason)
        {
            var error = Assert.Throws<InvalidParameterException>(() => ByteSizeParser.Parse(value, "MemorySwap"));
            Assert.Equal("MemorySwap", error.ParamName);
            Assert.Equal(value, error.Value);
            Assert.Contains(reason, error.Reason);
            Assert.Contains("-MemorySwap", error.Reason);
        }

        [Fact]
        public void The_largest_size_the_engine_takes_is_accepted()
        {
            Assert.Equal(long.MaxValue, ByteSizeParser.Parse(long.MaxValue, "Memory"));
            Assert.Equal(8388607L * 1024 * 1024 * 1024 * 1024, ByteSizeParser.Parse("8388607t", "Memory"));
        }

        [Theory]
        [InlineData(1.5, 1_500_000_000L)]
        [InlineData("0.25", 250_000_000L)]
        [InlineData(2, 2_000_000_000L)]
        public void Cpus_become_nano_cpus(object cpus, long nano) => Assert.Equal(nano, CpuParser.ToNanoCpus(cpus));

        [Theory]
        [InlineData("two")]
        [InlineData(0)]
        [InlineData(-1.0)]
        [InlineData("79228162514264337593543950335")]
        [InlineData(1e99)]
        [InlineData(double.NaN)]
        public void Bad_cpu_limits_are_refused(object cpus)
        {
            var error = Assert.Throws<InvalidParameterException>(() => CpuParser.ToNanoCpus(cpus));
            Assert.Equal("Cpu", error.ParamName);
        }
    }
}
