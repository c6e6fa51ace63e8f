using Containers.Completion;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    public class ArgumentQuotingTests
    {
        [Theory]
        [InlineData("web")]
        [InlineData("my_app.v2-blue")]
        [InlineData("localhost:5000/team/app:1.2")]
        [InlineData("2048-game")]
        [InlineData("data:")]
        public void A_name_that_reads_back_as_itself_stays_bare(string name) => Assert.Equal(name, ArgumentQuoting.Quote(name));

        [Theory]
        [InlineData("my net", "'my net'")]
        [InlineData("tab\there", "'tab\there'")]
        [InlineData("it's", "'it''s'")]
        [InlineData("it\u2019s", "'it\u2019\u2019s'")]
        [InlineData("say \"hi\"", "'say \"hi\"'")]
        [InlineData("$HOME", "'$HOME'")]
        [InlineData("a`b", "'a`b'")]
        [InlineData("a;b", "'a;b'")]
        [InlineData("a,b", "'a,b'")]
        [InlineData("a|b", "'a|b'")]
        [InlineData("a&b", "'a&b'")]
        [InlineData("(x)", "'(x)'")]
        [InlineData("{x}", "'{x}'")]
        [InlineData("@splat", "'@splat'")]
        [InlineData("#comment", "'#comment'")]
        [InlineData("a>b", "'a>b'")]
        [InlineData("-Force", "'-Force'")]
        [InlineData("\u2013dash", "'\u2013dash'")]
        [InlineData("", "''")]
        public void A_name_PowerShell_would_read_differently_is_single_quoted(string name, string expected) =>
            Assert.Equal(expected, ArgumentQuoting.Quote(name));

        [Theory]
        [InlineData("1kb")]
        [InlineData("0x1F")]
        [InlineData("1e3")]
        [InlineData("12L")]
        [InlineData("3.5")]
        [InlineData("0b101")]
        [InlineData("7u")]
        [InlineData("42")]
        public void A_name_PowerShell_would_read_as_a_number_is_quoted(string name) =>
            Assert.Equal("'" + name + "'", ArgumentQuoting.Quote(name));

        [Fact]
        public void An_opened_quote_is_kept_even_for_a_plain_name() => Assert.Equal("'web'", ArgumentQuoting.Quote("web", force: true));
    }
}
