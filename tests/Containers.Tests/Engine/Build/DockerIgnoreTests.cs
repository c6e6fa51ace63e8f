using Containers.Engine.Build;
using Xunit;

namespace Containers.Tests.Engine.Build
{
    /// <summary>The pattern rules of moby's matcher, one at a time. DockerIgnoreCliTests checks the whole against the docker CLI.</summary>
    public class DockerIgnoreTests
    {
        private static bool Ignored(string patterns, string path) => DockerIgnore.Parse(patterns.Replace('|', '\n')).IsIgnored(path);

        [Theory]
        [InlineData("*.go", "main.go", true)]
        [InlineData("*.go", "cmd/main.go", false)] // anchored at the root: '*' stays in one segment
        [InlineData("*/*.go", "cmd/main.go", true)]
        [InlineData("**/*.go", "cmd/deep/main.go", true)]
        [InlineData("**/*.go", "main.go", true)]
        [InlineData("**/file", "file", true)]
        [InlineData("**/file", "a/b/file", true)]
        [InlineData("**/file", "a/b/file2", false)]
        [InlineData("**", "anything/at/all", true)]
        [InlineData("dir/**", "dir/a", true)]
        [InlineData("dir/**", "dir/a/b", true)]
        [InlineData("dir/**", "dir", false)]
        [InlineData("dir/**", "dirx/a", false)]
        [InlineData("a/**/b", "a/b", true)]
        [InlineData("a/**/b", "a/x/y/b", true)]
        [InlineData("a/**/b", "a/x/y/bc", false)]
        [InlineData("a?c", "abc", true)]
        [InlineData("a?c", "a/c", false)]
        [InlineData("[a-c]x", "bx", true)]
        [InlineData("[a-c]x", "dx", false)]
        [InlineData("[^a]x", "bx", true)]
        [InlineData("[^a]x", "ax", false)]
        [InlineData("dir", "dir/deep/file", true)] // a pattern that matches a parent directory excludes what is below
        [InlineData("di*", "dir/deep/file", true)]
        [InlineData("deep", "dir/deep/file", false)] // but only from the root
        [InlineData("a.b", "axb", false)] // '.' is literal
        [InlineData("a+b", "a+b", true)]
        [InlineData("(x)", "(x)", true)]
        [InlineData("/abs/path", "abs/path", true)]
        [InlineData("./a//b/../c", "a/c", true)]
        [InlineData("a/", "a/file", true)]
        [InlineData("  spaced  ", "spaced", true)]
        [InlineData("#comment", "#comment", false)]
        [InlineData(" #not-a-comment", "#not-a-comment", true)]
        public void Single_patterns_match_as_moby_matches(string pattern, string path, bool ignored) => Assert.Equal(ignored, Ignored(pattern, path));

        [Theory]
        [InlineData("*.md|!README.md", "README.md", false)]
        [InlineData("*.md|!README.md", "CHANGES.md", true)]
        [InlineData("docs|!docs/keep.md", "docs/keep.md", false)]
        [InlineData("docs|!docs/keep.md", "docs/other.md", true)]
        [InlineData("!a|a", "a", true)] // the last match decides
        [InlineData("a|!a", "a", false)]
        [InlineData("a|!a|a", "a", true)]
        [InlineData("**|!keep/**|keep/secret", "keep/secret", true)]
        [InlineData("**|!keep/**|keep/secret", "keep/public", false)]
        [InlineData("**|!keep/**|keep/secret", "other", true)]
        public void The_last_matching_pattern_decides(string patterns, string path, bool ignored) => Assert.Equal(ignored, Ignored(patterns, path));

        [Fact]
        public void A_byte_order_mark_and_carriage_returns_are_not_part_of_patterns()
        {
            DockerIgnore ignore = DockerIgnore.Parse("\uFEFFfirst\r\nsecond\r\n");
            Assert.Equal(new[] { "first", "second" }, ignore.Patterns);
            Assert.True(ignore.IsIgnored("first"));
        }

        [Fact]
        public void An_exclusion_of_nothing_is_refused_naming_it() =>
            Assert.Contains("'!'", Assert.Throws<FormatException>(() => DockerIgnore.Parse("a\n!\n")).Message);

        [Fact]
        public void Ignored_directories_are_skipped_only_when_no_exclusion_can_reach_inside()
        {
            Assert.True(DockerIgnore.Parse("node_modules").CanSkipDirectory("node_modules"));
            Assert.False(DockerIgnore.Parse("node_modules").CanSkipDirectory("src"));
            Assert.False(DockerIgnore.Parse("docs\n!docs/keep.md").CanSkipDirectory("docs"));
            Assert.True(DockerIgnore.Parse("docs\n!src/keep.md").CanSkipDirectory("docs"));
            Assert.False(DockerIgnore.Parse("docs\n!**/keep.md").CanSkipDirectory("docs"));
            Assert.True(DockerIgnore.None.Patterns.Count() == 0 && !DockerIgnore.None.IsIgnored("x"));
        }
    }
}
