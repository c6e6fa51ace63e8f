using System.Xml;
using System.Xml.Linq;

namespace Containers.Tests.Views
{
    /// <summary>One Type of a types file: the members it adds, and the members and script it refers to.</summary>
    public sealed class TypeExtension
    {
        private TypeExtension(XElement type)
        {
            TypeName = ((string?)type.Element("Name") ?? string.Empty).Trim();
            IEnumerable<XElement> members = type.Elements("Members").Elements();
            AddedMembers = members.Select(m => ((string?)m.Element("Name") ?? string.Empty).Trim()).ToList();
            ReferencedMembers = members.Elements("ReferencedMemberName")
                .Concat(type.Descendants("ReferencedProperties").Elements("Name"))
                .Select(r => r.Value.Trim())
                .ToList();
            ScriptBlocks = type.Descendants().Where(e => e.Name.LocalName is "GetScriptBlock" or "SetScriptBlock" or "Script").Select(e => e.Value).ToList();
            Line = ((IXmlLineInfo)type).LineNumber;
        }

        public string TypeName { get; }

        /// <summary>Names of aliases, script properties, note properties and the like this file adds.</summary>
        public IReadOnlyList<string> AddedMembers { get; }

        /// <summary>ReferencedMemberName of aliases, and the properties property sets name.</summary>
        public IReadOnlyList<string> ReferencedMembers { get; }

        public IReadOnlyList<string> ScriptBlocks { get; }

        public int Line { get; }

        public static IReadOnlyList<TypeExtension> ReadAll(XDocument types) =>
            types.Root!.Elements("Type").Select(type => new TypeExtension(type)).ToList();

        public override string ToString() => $"{TypeName} (line {Line})";
    }
}
