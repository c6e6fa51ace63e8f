using Containers.HelpBuilder.About;
using Containers.HelpBuilder.Maml;
using Containers.HelpBuilder.Markdown;
using Containers.HelpBuilder.Pages;
using Xunit;

namespace Containers.Tests.Help
{
    /// <summary>How the builder reads markdown and turns it into console text.</summary>
    public class HelpMarkdownTests
    {
        [Fact]
        public void A_comment_inside_a_code_block_is_code_not_a_heading()
        {
            MarkdownDocument document = MarkdownParser.Parse("## EXAMPLES\n\n```powershell\n# Stop them all\nGet-Container | Stop-Container\n```\n");
            Assert.Equal(new[] { MarkdownNodeKind.Heading, MarkdownNodeKind.Code }, document.Nodes.Select(n => n.Kind));
            Assert.Equal("# Stop them all\nGet-Container | Stop-Container", document.Nodes[1].Text);
            Assert.Equal("powershell", document.Nodes[1].Language);
        }

        [Fact]
        public void Windows_line_ends_read_like_unix_ones()
        {
            MarkdownDocument crlf = MarkdownParser.Parse("---\r\nschema: 2.0.0\r\n---\r\n# Get-Container\r\n\r\nLine one\r\nline two.\r\n");
            Assert.Equal("2.0.0", crlf.FrontMatter.Single().Value);
            Assert.Equal("Line one line two.", crlf.Nodes.Last().Text);
        }

        [Fact]
        public void A_code_block_that_is_never_closed_is_reported()
        {
            MarkdownDocument document = MarkdownParser.Parse("# Title\n\n```powershell\nGet-Container\n");
            Assert.Contains(document.Problems, p => p.Contains("line 3", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Inline_markdown_becomes_plain_text()
        {
            Assert.Equal(
                "See Get-Container and run docker ps -a, then **x** stays in code: a**b.",
                InlineMarkdown.ToPlainText("See [`Get-Container`](Get-Container.md) and run `docker ps -a`, then `**x**` stays in code: a**b."));
            Assert.Equal("Bold text", InlineMarkdown.ToPlainText("**Bold** text"));
        }

        [Fact]
        public void A_list_becomes_one_paragraph_with_a_line_per_item()
        {
            MarkdownDocument document = MarkdownParser.Parse("Intro.\n\n- one\n- two\n  continued\n\n1. first\n2. second\n");
            Assert.Equal(new[] { "Intro.", "- one\n- two continued\n1. first\n2. second" }, MamlParagraphs.From(document.Nodes));
        }

        [Fact]
        public void About_text_wraps_at_80_columns_and_keeps_code_as_it_is()
        {
            string words = string.Join(" ", Enumerable.Repeat("engine", 30));
            string text = AboutTextWriter.Write(MarkdownParser.Parse($"# about_X\n\n## Long description\n{words}\n\n```powershell\n{words}\n```\n"));
            string[] lines = text.Split('\n');
            Assert.Equal("TOPIC", lines[0]);
            Assert.Equal("    about_X", lines[1]);
            Assert.Equal("LONG DESCRIPTION", lines[3]);
            Assert.All(lines.Where(l => !l.StartsWith("        ", System.StringComparison.Ordinal)), line => Assert.True(line.Length <= 80, line));
            Assert.Contains("        " + words, lines);
        }

        [Fact]
        public void A_page_without_a_syntax_section_gets_one_before_its_description()
        {
            string page = "# Get-Thing\n\n## SYNOPSIS\nGets.\n\n## DESCRIPTION\nText.\n";
            string refreshed = PageSyntaxRefresher.Refresh(page, TestCmdlets.GetThing());
            Assert.Equal(
                "# Get-Thing\n\n## SYNOPSIS\nGets.\n\n## SYNTAX\n\n### __AllParameterSets\n```\nGet-Thing [[-Name] <String[]>] [-All] [<CommonParameters>]\n```\n\n## DESCRIPTION\nText.\n",
                refreshed);
            Assert.Equal(refreshed, PageSyntaxRefresher.Refresh(refreshed, TestCmdlets.GetThing()));
        }

        [Fact]
        public void A_heading_inside_a_code_block_does_not_end_the_syntax_section()
        {
            string page = "# Get-Thing\n\n## SYNTAX\nold\n\n## DESCRIPTION\n```powershell\n## not a heading\n```\n";
            string refreshed = PageSyntaxRefresher.Refresh(page, TestCmdlets.GetThing());
            Assert.EndsWith("## DESCRIPTION\n```powershell\n## not a heading\n```\n", refreshed, System.StringComparison.Ordinal);
            Assert.DoesNotContain("old", refreshed, System.StringComparison.Ordinal);
        }
    }
}
