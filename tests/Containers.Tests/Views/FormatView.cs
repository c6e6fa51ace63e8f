using System.Xml;
using System.Xml.Linq;

namespace Containers.Tests.Views
{
    /// <summary>One View of a format file, reduced to what the checks need.</summary>
    public sealed class FormatView
    {
        private FormatView(XElement view)
        {
            Name = (string?)view.Element("Name") ?? "(unnamed)";
            TypeNames = view.Elements("ViewSelectedBy").Elements("TypeName").Select(t => t.Value.Trim()).ToList();
            Control = view.Elements().Select(e => e.Name.LocalName).FirstOrDefault(n => n.EndsWith("Control")) ?? "(none)";
            PropertyNames = view.Descendants("PropertyName").Select(p => p.Value.Trim()).ToList();
            ScriptBlocks = view.Descendants("ScriptBlock").Select(s => s.Value).ToList();
            Line = ((IXmlLineInfo)view).LineNumber;
        }

        public string Name { get; }

        public IReadOnlyList<string> TypeNames { get; }

        /// <summary>TableControl, ListControl, WideControl or CustomControl.</summary>
        public string Control { get; }

        public bool IsTable => Control == "TableControl";

        public bool IsList => Control == "ListControl";

        /// <summary>Every PropertyName in the view: columns, list items, group-by.</summary>
        public IReadOnlyList<string> PropertyNames { get; }

        public IReadOnlyList<string> ScriptBlocks { get; }

        public int Line { get; }

        public static IReadOnlyList<FormatView> ReadAll(XDocument format) =>
            format.Root!.Elements("ViewDefinitions").Elements("View").Select(view => new FormatView(view)).ToList();

        public override string ToString() => $"{Name} ({Control}, line {Line})";
    }
}
