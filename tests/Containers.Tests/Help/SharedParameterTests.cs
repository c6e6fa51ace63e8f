using System.Xml.Linq;
using Containers.HelpBuilder;
using Containers.HelpBuilder.Pages;
using Xunit;

namespace Containers.Tests.Help
{
    /// <summary>
    /// The parameters most cmdlets share (-Engine, -ThrottleLimit) are described once, in docs/parameters/NAME.md, and the
    /// builder writes that text into every page whose cmdlet has the parameter: into a section marked as shared, or a new
    /// one where the page has none; a section of the page's own (no marker) stays as it is. The marker is an HTML comment,
    /// which no reader of the help sees.
    /// </summary>
    public sealed class SharedParameterTests : IClassFixture<HelpFixture>
    {
        private readonly HelpFixture _help;

        public SharedParameterTests(HelpFixture help)
        {
            _help = help;
        }

        private string Refreshed(string page, string text, string sharedEngine = "Shared engine text.")
        {
            var docs = _help.Docs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            docs[page] = text;
            docs[SharedParameterRefresher.Folder + "Engine.md"] = sharedEngine;
            return HelpBuild.Run(_help.Cmdlets, docs).Files.Single(file => file.RelativePath == "docs/" + page).Content;
        }

        [Fact]
        public void A_marked_section_gets_the_shared_text_in_place_of_what_it_held()
        {
            string page = _help.Docs["Get-Container.md"];
            Assert.Contains(SharedParameterRefresher.Marker("Engine"), page, StringComparison.Ordinal);
            string refreshed = Refreshed("Get-Container.md", page);
            Assert.Contains("### -Engine\n" + SharedParameterRefresher.Marker("Engine") + "\nShared engine text.\n\n### ", refreshed, StringComparison.Ordinal);
            Assert.DoesNotContain("The engines to act on", refreshed, StringComparison.Ordinal);
        }

        [Fact]
        public void A_page_without_the_section_gets_it_before_CommonParameters()
        {
            string page = _help.Docs["Get-Container.md"];
            int start = page.IndexOf("### -ThrottleLimit\n", StringComparison.Ordinal);
            int end = page.IndexOf("### ", start + 4, StringComparison.Ordinal);
            string refreshed = Refreshed("Get-Container.md", page.Remove(start, end - start));
            Assert.Contains("### -ThrottleLimit\n" + SharedParameterRefresher.Marker("ThrottleLimit") + "\n", refreshed, StringComparison.Ordinal);
            Assert.True(refreshed.IndexOf("### -ThrottleLimit", StringComparison.Ordinal) < refreshed.IndexOf("### CommonParameters", StringComparison.Ordinal));
        }

        [Fact]
        public void A_section_of_the_pages_own_stays_as_written()
        {
            string page = _help.Docs["Connect-ContainerEngine.md"];
            Assert.Contains("### -Engine\nWith neither -Uri nor -Context", page, StringComparison.Ordinal);
            Assert.Equal(page, Refreshed("Connect-ContainerEngine.md", page));
        }

        [Fact]
        public void The_marker_never_reaches_the_compiled_help()
        {
            Assert.DoesNotContain("<!--", _help.Maml.ToString(), StringComparison.Ordinal);
            XElement engine = _help.Maml.Descendants().First(element => element.Name.LocalName == "parameter"
                && element.Elements().Any(child => child.Name.LocalName == "name" && child.Value == "Engine"));
            Assert.Contains("one or many", engine.Value, StringComparison.Ordinal);
        }
    }
}
