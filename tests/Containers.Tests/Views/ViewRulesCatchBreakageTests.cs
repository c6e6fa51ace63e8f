using System.Xml.Linq;
using Xunit;

namespace Containers.Tests.Views
{
    /// <summary>The view rules fail for real: each breaks a copy of the module's own files one way and expects the rule to name it.</summary>
    public class ViewRulesCatchBreakageTests : IClassFixture<ViewFixture>
    {
        private const string ContainerType = "Containers.Models.Container";

        private readonly ViewFixture _files;

        public ViewRulesCatchBreakageTests(ViewFixture files)
        {
            _files = files;
        }

        private XDocument Format() => new XDocument(_files.Format);

        private XDocument Types() => new XDocument(_files.Types);

        private static XElement View(XDocument format, string control, string type = ContainerType) =>
            format.Descendants("View").First(v => v.Element(control) != null && v.Descendants("TypeName").Any(t => t.Value == type));

        [Fact]
        public void A_misspelt_property_is_named()
        {
            XDocument format = Format();
            View(format, "TableControl").Descendants("PropertyName").First(p => p.Value == "Image").Value = "Imgae";

            Assert.Contains(ViewRules.MissingMembers(FormatView.ReadAll(format), _files.Extensions, _files.Module), p => p.Contains("'Imgae'"));
        }

        [Fact]
        public void A_misspelt_property_in_a_script_block_is_named_but_ForEach_Object_items_are_not_the_object()
        {
            XDocument format = Format();
            XElement script = View(format, "TableControl").Descendants("ScriptBlock").First(s => s.Value.Contains("$_.Ports"));
            script.Value = script.Value.Replace("$_.Ports", "$_.Portz");

            string[] problems = ViewRules.MissingMembers(FormatView.ReadAll(format), _files.Extensions, _files.Module).ToArray();
            Assert.Contains(problems, p => p.Contains("'Portz'"));
            Assert.DoesNotContain(problems, p => p.Contains("'ToString'"));
        }

        [Fact]
        public void A_misspelt_type_is_named()
        {
            XDocument format = Format();
            View(format, "ListControl").Descendants("TypeName").Single().Value = "Containers.Models.Containr";
            XDocument types = Types();
            types.Descendants("Type").First().Element("Name")!.Value = "Containers.Models.container";

            string[] problems = ViewRules.UnknownTypes(FormatView.ReadAll(format), TypeExtension.ReadAll(types), _files.Module).ToArray();
            Assert.Contains(problems, p => p.Contains("'Containers.Models.Containr'"));
            Assert.Contains(problems, p => p.Contains("'Containers.Models.container'"));
        }

        [Fact]
        public void An_alias_to_a_missing_member_and_an_alias_hiding_a_property_are_named()
        {
            XDocument types = Types();
            XElement members = types.Descendants("Type").First(t => (string?)t.Element("Name") == ContainerType).Element("Members")!;
            members.Add(new XElement("AliasProperty", new XElement("Name", "Broken"), new XElement("ReferencedMemberName", "NoSuchMember")));
            members.Add(new XElement("AliasProperty", new XElement("Name", "Image"), new XElement("ReferencedMemberName", "Id")));

            string[] problems = ViewRules.MissingMembers(_files.Views, TypeExtension.ReadAll(types), _files.Module).ToArray();
            Assert.Contains(problems, p => p.Contains("'NoSuchMember'"));
            Assert.Contains(problems, p => p.Contains("'Image' is already a property"));
        }

        [Fact]
        public void A_type_with_a_table_and_no_list_is_named_and_an_output_type_with_no_view_too()
        {
            XDocument format = Format();
            View(format, "ListControl").Remove();
            Assert.Contains($"{ContainerType} has a table view but no list view", ViewRules.TablesWithoutLists(FormatView.ReadAll(format)));

            View(format, "TableControl").Remove();
            Assert.Contains(ViewRules.OutputTypesWithoutViews(_files.Module.Cmdlets, FormatView.ReadAll(format), _files.Module), p => p.Contains(ContainerType + ", which has no table or list view"));
        }

        [Fact]
        public void A_header_without_its_column_and_a_list_item_showing_two_things_are_named()
        {
            XDocument format = Format();
            View(format, "TableControl").Descendants("TableColumnItem").Last().Remove();
            XElement item = View(format, "ListControl").Descendants("ListItem").First();
            item.Add(new XElement("ScriptBlock", "$_.Name"));

            string[] problems = ViewRules.FormatShape(format).ToArray();
            Assert.Contains(problems, p => p.Contains("5 column headers but 4 column items"));
            Assert.Contains(problems, p => p.Contains("exactly one non-empty <PropertyName> or <ScriptBlock>"));
        }

        [Fact]
        public void A_view_with_two_controls_or_without_a_type_is_named()
        {
            XDocument format = Format();
            XElement view = View(format, "TableControl");
            view.Add(new XElement("ListControl"));
            View(format, "ListControl", "Containers.Models.PruneResult").Element("ViewSelectedBy")!.RemoveNodes();

            string[] problems = ViewRules.FormatShape(format).ToArray();
            Assert.Contains(problems, p => p.Contains("needs exactly one of TableControl"));
            Assert.Contains(problems, p => p.Contains("holding <TypeName> elements only"));
        }

        [Fact]
        public void A_misspelt_static_helper_or_a_runtime_only_api_is_named()
        {
            string[] problems = ViewRules.UnknownStaticCalls(
                new[]
                {
                    "[Containers.Text.HumanDuration]::Off([DateTime]::Now - $_.Created)",
                    "[Containers.Text.HumanDurations]::Of($_.Age)",
                    "[Containers.Text.ByteSize]::Format($_.Size)",
                    "[Math]::Clamp($_.Count, 0, 10)", // .NET Core 2.0+, absent from .NET Framework and netstandard 2.0
                    "'[Not.A.Type]::InAString'",
                },
                _files.Module,
                _files.Api).ToArray();

            Assert.Contains(problems, p => p.Contains("no public static member 'Off'"));
            Assert.Contains(problems, p => p.Contains("[Containers.Text.HumanDurations] is not a public type"));
            Assert.Contains(problems, p => p.Contains("no public static member 'Clamp'"));
            Assert.Equal(3, problems.Length);
        }

        [Fact]
        public void PowerShell_7_operators_are_named()
        {
            string[] problems = ViewRules.PowerShell7Syntax(new[]
            {
                "$_.Health ?? 'none'",
                "$_.Error ? 'failed' : 'ok'",
                "${_}?.Engine.Name",
                "Test-Path $_.Path && 'yes'",
                "$x ??= 1",
            }).ToArray();

            Assert.Equal(5, problems.Length);
        }
    }
}
