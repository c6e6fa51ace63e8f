using Xunit;

namespace Containers.Tests.Views
{
    public class ScriptTextTests
    {
        [Theory]
        [InlineData("'a ?? b' + \"c && d\"")]
        [InlineData("$_.Items | ? { $_.Enabled } | % { $_.Name }")]
        [InlineData("$_.Items | Where-Object { $_.A } ; ? { $_ }")]
        [InlineData("if ($_.Timestamp) { $_.Timestamp.ToString('HH:mm:ss') }")]
        [InlineData("'{0:N1} GiB' -f ($_.MemoryTotal / 1GB) # a ? b : c")]
        [InlineData("$_.Id.Substring(0, [Math]::Min(12, $_.Id.Length))")]
        [InlineData("$(if ($_.Command.Length -gt 20) { 'a' } else { 'b' })")]
        public void Windows_PowerShell_5_1_code_is_not_flagged(string script) => Assert.Empty(ScriptText.PowerShell7Operators(script));

        [Fact]
        public void Strings_and_comments_hide_their_content_but_keep_their_quotes() =>
            Assert.Equal("'' + \"\" ", ScriptText.WithoutStringsAndComments("'it''s $_.Nope' + \"say `\"hi`\" ?? x\" # $_.Comment"));

        [Fact]
        public void Static_calls_are_found_outside_strings() =>
            Assert.Equal(
                new[] { ("Containers.Text.ByteSize", "Format"), ("Math", "Min") },
                ScriptText.StaticCalls("[Containers.Text.ByteSize]::Format([Math]::Min(1, 2)) + '[Nope]::Never'").ToArray());

        [Fact]
        public void Members_of_the_formatted_object_exclude_those_of_piped_items() =>
            Assert.Equal(
                new[] { "Labels", "Ports", "Engine" },
                ScriptText.MembersOfTheObject("($_.Labels.GetEnumerator() | ForEach-Object { $_.Key }) + ($_.Ports | % { $_.Text }) + $_.Ports.Where({ $_.X }) + $_.Engine.Name").ToArray());
    }
}
