using Containers.Completion;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    public class TypedWordTests
    {
        [Fact]
        public void A_bare_word_matches_names_starting_with_it_ignoring_case()
        {
            TypedWord word = TypedWord.Parse("We");
            Assert.False(word.Quoted);
            Assert.True(word.Matches("web-1"));
            Assert.True(word.Matches("WEB"));
            Assert.False(word.Matches("my-web"));
        }

        [Fact]
        public void Nothing_typed_matches_everything() => Assert.True(TypedWord.Parse(null).Matches("anything"));

        [Fact]
        public void Wildcards_match_as_a_pattern_with_a_star_appended()
        {
            TypedWord word = TypedWord.Parse("*web?");
            Assert.True(word.Matches("my-web1"));
            Assert.True(word.Matches("my-web12"));
            Assert.False(word.Matches("my-web"));
            Assert.True(TypedWord.Parse("[ab]*").Matches("beta"));
            Assert.False(TypedWord.Parse("[ab]*").Matches("gamma"));
        }

        [Theory]
        [InlineData("'my n", "my n")]
        [InlineData("\"my n", "my n")]
        [InlineData("'my n'", "my n")]
        [InlineData("'it''s", "it's")]
        [InlineData("\u2018smart", "smart")]
        public void An_opening_quote_is_remembered_and_removed(string typed, string text)
        {
            TypedWord word = TypedWord.Parse(typed);
            Assert.True(word.Quoted);
            Assert.Equal(text, word.Text);
        }
    }
}
