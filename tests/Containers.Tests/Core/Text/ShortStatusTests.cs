using Containers.Text;
using Xunit;

namespace Containers.Tests.Core.Text
{
    /// <summary>The engine's status words as the Get-Container table shows them: docker's words, whole, within the column.</summary>
    public class ShortStatusTests
    {
        [Theory]
        [InlineData("Up Less than a second", "Up Less than a second")]
        [InlineData("Up 5 minutes", "Up 5 minutes")]
        [InlineData("Up 2 hours (healthy)", "Up 2 hours (healthy)")]
        [InlineData("Up 2 hours (health: starting)", "Up 2 hours (starting)")]
        [InlineData("Up About a minute (unhealthy)", "Up (unhealthy)")]
        [InlineData("Up About an hour (Paused)", "Up (Paused)")]
        [InlineData("Exited (0) 2 hours ago", "Exited (0)")]
        [InlineData("Exited (137) Less than a second ago", "Exited (137)")]
        [InlineData("Restarting (1) About a minute ago", "Restarting (1)")]
        [InlineData("Created", "Created")]
        [InlineData("Removal In Progress", "Removal In Progress")]
        [InlineData("", "")]
        [InlineData(null, "")]
        public void Keeps_dockers_words_within_the_column(string? status, string expected)
        {
            string text = ShortStatus.Of(status);

            Assert.Equal(expected, text);
            Assert.True(text.Length <= ShortStatus.MaxLength, text);
        }

        [Fact]
        public void Anything_longer_is_cut_at_a_word_with_an_ellipsis()
        {
            Assert.Equal("Something the engine\u2026", ShortStatus.Of("Something the engine may say one day"));
        }
    }
}
