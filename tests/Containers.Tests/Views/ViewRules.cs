using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using Containers.Tests.Metadata;

namespace Containers.Tests.Views
{
    /// <summary>
    /// What makes format and type files right, as functions that list the problems they find: the tests run them on
    /// the module's files (expecting none) and on broken copies (expecting the break to be named).
    /// </summary>
    public static class ViewRules
    {
        private static readonly string[] Controls = { "TableControl", "ListControl", "WideControl", "CustomControl" };

        private static readonly string[] ViewChildren = { "Name", "ViewSelectedBy", "GroupBy", "OutOfBand" };

        private static readonly string[] MemberKinds = { "AliasProperty", "ScriptProperty", "NoteProperty", "ScriptMethod", "CodeProperty", "CodeMethod", "PropertySet", "MemberSet" };

        /// <summary>The format file's shape as PowerShell's loader expects it; a file it rejects loads no view at all.</summary>
        public static IEnumerable<string> FormatShape(XDocument format)
        {
            XElement root = format.Root!;
            if (root.Name.LocalName != "Configuration" || root.Elements().Any(e => e.Name.LocalName != "ViewDefinitions") || root.Elements("ViewDefinitions").Count() != 1)
            {
                yield return "the root must be <Configuration> holding one <ViewDefinitions>";
                yield break;
            }

            foreach (XElement view in root.Elements("ViewDefinitions").Elements())
            {
                string where = $"view '{(string?)view.Element("Name")}' (line {Line(view)})";
                if (view.Name.LocalName != "View")
                {
                    yield return $"<{view.Name.LocalName}> (line {Line(view)}) is not a <View>";
                    continue;
                }

                foreach (XElement unknown in view.Elements().Where(e => !ViewChildren.Contains(e.Name.LocalName) && !Controls.Contains(e.Name.LocalName)))
                {
                    yield return $"{where}: unexpected <{unknown.Name.LocalName}>";
                }

                if (view.Elements("Name").Count() != 1 || string.IsNullOrWhiteSpace((string?)view.Element("Name")))
                {
                    yield return $"{where}: needs one non-empty <Name>";
                }

                XElement[] selectedBy = view.Elements("ViewSelectedBy").ToArray();
                if (selectedBy.Length != 1 || !selectedBy[0].Elements("TypeName").Any() || selectedBy[0].Elements().Any(e => e.Name.LocalName != "TypeName"))
                {
                    yield return $"{where}: needs one <ViewSelectedBy> holding <TypeName> elements only";
                }

                XElement[] controls = view.Elements().Where(e => Controls.Contains(e.Name.LocalName)).ToArray();
                if (controls.Length != 1)
                {
                    yield return $"{where}: needs exactly one of {string.Join(", ", Controls)}";
                    continue;
                }

                foreach (string problem in ControlShape(controls[0], where))
                {
                    yield return problem;
                }
            }
        }

        private static IEnumerable<string> ControlShape(XElement control, string where)
        {
            if (control.Name.LocalName == "TableControl")
            {
                XElement[] headers = control.Elements("TableHeaders").Elements("TableColumnHeader").ToArray();
                XElement[] rows = control.Elements("TableRowEntries").Elements("TableRowEntry").ToArray();
                if (rows.Length == 0)
                {
                    yield return $"{where}: a table needs a <TableRowEntry>";
                }

                foreach (XElement row in rows)
                {
                    int items = row.Elements("TableColumnItems").Elements("TableColumnItem").Count();
                    if (items != headers.Length)
                    {
                        yield return $"{where}: {headers.Length} column headers but {items} column items (line {Line(row)})";
                    }
                }

                foreach (XElement width in headers.Elements("Width"))
                {
                    if (!int.TryParse(width.Value, out int value) || value <= 0)
                    {
                        yield return $"{where}: width '{width.Value}' is not a positive number (line {Line(width)})";
                    }
                }

                foreach (string problem in Items(control.Descendants("TableColumnItem"), where))
                {
                    yield return problem;
                }
            }
            else if (control.Name.LocalName == "ListControl")
            {
                XElement[] items = control.Elements("ListEntries").Elements("ListEntry").Elements("ListItems").Elements("ListItem").ToArray();
                if (items.Length == 0)
                {
                    yield return $"{where}: a list needs <ListEntries>/<ListEntry>/<ListItems>/<ListItem>";
                }

                foreach (string problem in Items(items, where))
                {
                    yield return problem;
                }

                foreach (XElement scripted in items.Where(i => i.Element("ScriptBlock") != null && string.IsNullOrWhiteSpace((string?)i.Element("Label"))))
                {
                    yield return $"{where}: a list item computed by a script block needs a <Label> (line {Line(scripted)}), or the script's text becomes the label";
                }
            }
        }

        // Each column or list item shows exactly one thing: a property or a script block, never empty.
        private static IEnumerable<string> Items(IEnumerable<XElement> items, string where)
        {
            foreach (XElement item in items)
            {
                XElement[] shown = item.Elements().Where(e => e.Name.LocalName is "PropertyName" or "ScriptBlock").ToArray();
                if (shown.Length != 1 || string.IsNullOrWhiteSpace(shown[0].Value))
                {
                    yield return $"{where}: the item at line {Line(item)} needs exactly one non-empty <PropertyName> or <ScriptBlock>";
                }
            }
        }

        /// <summary>The types file's shape: each Type named, each member of a known kind, named once, with what its kind needs.</summary>
        public static IEnumerable<string> TypesShape(XDocument types)
        {
            XElement root = types.Root!;
            if (root.Name.LocalName != "Types" || root.Elements().Any(e => e.Name.LocalName != "Type"))
            {
                yield return "the root must be <Types> holding <Type> elements only";
                yield break;
            }

            foreach (XElement type in root.Elements("Type"))
            {
                string where = $"type '{(string?)type.Element("Name")}' (line {Line(type)})";
                if (string.IsNullOrWhiteSpace((string?)type.Element("Name")) || type.Elements("Members").Count() != 1)
                {
                    yield return $"{where}: needs a <Name> and one <Members>";
                    continue;
                }

                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (XElement member in type.Element("Members")!.Elements())
                {
                    string name = ((string?)member.Element("Name"))?.Trim() ?? string.Empty;
                    if (!MemberKinds.Contains(member.Name.LocalName))
                    {
                        yield return $"{where}: unknown member kind <{member.Name.LocalName}>";
                    }

                    if (name.Length == 0 || !seen.Add(name))
                    {
                        yield return $"{where}: member '{name}' (line {Line(member)}) needs a name of its own";
                    }

                    if (member.Name.LocalName == "AliasProperty" && string.IsNullOrWhiteSpace((string?)member.Element("ReferencedMemberName")))
                    {
                        yield return $"{where}: alias '{name}' needs a <ReferencedMemberName>";
                    }

                    if (member.Name.LocalName == "ScriptProperty" && string.IsNullOrWhiteSpace((string?)member.Element("GetScriptBlock")))
                    {
                        yield return $"{where}: script property '{name}' needs a <GetScriptBlock>";
                    }
                }
            }
        }

        /// <summary>Type names that are not public types of the module's assemblies: a view for a misspelt type never applies.</summary>
        public static IEnumerable<string> UnknownTypes(IEnumerable<FormatView> views, IEnumerable<TypeExtension> extensions, CmdletMetadata module) =>
            views.SelectMany(view => view.TypeNames.Select(name => (name, where: "view " + view)))
                .Concat(extensions.Select(extension => (name: extension.TypeName, where: "types entry " + extension)))
                .Where(named => module.FindModuleType(named.name) == null || module.FindModuleType(named.name)!.FullName != named.name)
                .Select(named => $"{named.where}: '{named.name}' is not a public type of the module (names are exact, as PSTypeNames spell them)");

        /// <summary>
        /// Properties a view or types entry names (PropertyName, ReferencedMemberName, <c>$_.Member</c> in script blocks)
        /// that the type does not have; a missing one shows as an empty column, silently.
        /// </summary>
        public static IEnumerable<string> MissingMembers(IEnumerable<FormatView> views, IReadOnlyList<TypeExtension> extensions, CmdletMetadata module)
        {
            foreach (FormatView view in views)
            {
                foreach (string typeName in view.TypeNames)
                {
                    Type? type = module.FindModuleType(typeName);
                    if (type == null)
                    {
                        continue; // UnknownTypes names it
                    }

                    IEnumerable<string> named = view.PropertyNames.Concat(view.ScriptBlocks.SelectMany(ScriptText.MembersOfTheObject));
                    foreach (string member in named.Distinct(StringComparer.OrdinalIgnoreCase).Where(m => !HasMember(type, m, extensions)))
                    {
                        yield return $"view {view}: {typeName} has no public property '{member}'";
                    }
                }
            }

            foreach (TypeExtension extension in extensions)
            {
                Type? type = module.FindModuleType(extension.TypeName);
                if (type == null)
                {
                    continue;
                }

                foreach (string member in extension.ReferencedMembers.Concat(extension.ScriptBlocks.SelectMany(ScriptText.MembersOfTheObject))
                             .Where(m => !HasMember(type, m, extensions)))
                {
                    yield return $"types entry {extension}: {extension.TypeName} has no public property '{member}'";
                }

                foreach (string added in extension.AddedMembers.Where(m => Properties(type).Contains(m, StringComparer.OrdinalIgnoreCase)))
                {
                    yield return $"types entry {extension}: '{added}' is already a property of {extension.TypeName}; PowerShell refuses the whole file";
                }
            }
        }

        // A public instance property of the type or a base type, or a member the types file adds to either.
        private static bool HasMember(Type type, string member, IReadOnlyList<TypeExtension> extensions) =>
            Properties(type).Contains(member, StringComparer.OrdinalIgnoreCase)
            || extensions.Any(extension => BaseTypes(type).Any(t => t.FullName == extension.TypeName) && extension.AddedMembers.Contains(member, StringComparer.OrdinalIgnoreCase));

        private static IEnumerable<string> Properties(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod?.IsPublic == true).Select(p => p.Name);

        private static IEnumerable<Type> BaseTypes(Type type)
        {
            for (Type? current = type; current != null; current = current.BaseType)
            {
                yield return current;
            }
        }

        /// <summary>
        /// Output types (from [OutputType] of every cmdlet) of the module's own with neither a table nor a list view, and
        /// output types from elsewhere that are not simple values PowerShell shows by itself.
        /// </summary>
        // Types PowerShell's own format files already show (Copy-Item -PassThru returns these too).
        private static readonly HashSet<string> PowerShellFormats = new HashSet<string>(StringComparer.Ordinal) { "System.IO.FileInfo", "System.IO.DirectoryInfo" };

        public static IEnumerable<string> OutputTypesWithoutViews(IEnumerable<CmdletMetadata.CmdletInfo> cmdlets, IReadOnlyList<FormatView> views, CmdletMetadata module)
        {
            foreach ((string cmdlet, Type type) in cmdlets.SelectMany(c => OutputTypes(c, module).Select(t => (c.Name, t))).Distinct())
            {
                if (!module.ModuleAssemblies.Contains(type.Assembly))
                {
                    if (!type.IsPrimitive && type.FullName != "System.String" && !PowerShellFormats.Contains(type.FullName!))
                    {
                        yield return $"{cmdlet} outputs {type.FullName}, which is neither the module's own (with views) nor a simple value";
                    }

                    continue;
                }

                if (!views.Any(v => (v.IsTable || v.IsList) && v.TypeNames.Contains(type.FullName)))
                {
                    yield return $"{cmdlet} outputs {type.FullName}, which has no table or list view";
                }
            }
        }

        /// <summary>Types given a table view but no list view (Format-List would fall back to every property, unordered).</summary>
        public static IEnumerable<string> TablesWithoutLists(IReadOnlyList<FormatView> views) =>
            views.Where(v => v.IsTable).SelectMany(v => v.TypeNames).Distinct()
                .Where(type => !views.Any(v => v.IsList && v.TypeNames.Contains(type)))
                .Select(type => $"{type} has a table view but no list view");

        /// <summary>Two views of the same kind for one type: only the first ever applies by default.</summary>
        public static IEnumerable<string> DuplicateViews(IReadOnlyList<FormatView> views) =>
            views.SelectMany(v => v.TypeNames.Select(t => (type: t, v.Control)))
                .GroupBy(x => x).Where(g => g.Count() > 1)
                .Select(g => $"{g.Key.type} has {g.Count()} {g.Key.Control} views");

        /// <summary><c>[Type]::Member</c> in script blocks naming a type or static member that is not there (module types, or the portable API).</summary>
        public static IEnumerable<string> UnknownStaticCalls(IEnumerable<string> scriptBlocks, CmdletMetadata module, PortableApi api)
        {
            foreach ((string typeName, string member) in scriptBlocks.SelectMany(ScriptText.StaticCalls).Distinct())
            {
                Type? type = typeName.StartsWith("Containers.", StringComparison.OrdinalIgnoreCase) ? module.FindModuleType(typeName) : api.Find(typeName);
                if (type == null)
                {
                    yield return $"[{typeName}] is not a public type of the module nor of the API Windows PowerShell 5.1 and PowerShell 7 share";
                }
                else if (!type.GetMembers(BindingFlags.Public | BindingFlags.Static).Any(m => string.Equals(m.Name, member, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return $"[{typeName}]::{member}: {type.FullName} has no public static member '{member}'";
                }
            }
        }

        /// <summary>Script blocks that use operators Windows PowerShell 5.1 cannot parse.</summary>
        public static IEnumerable<string> PowerShell7Syntax(IEnumerable<string> scriptBlocks) =>
            scriptBlocks.SelectMany(script => ScriptText.PowerShell7Operators(script).Select(op => $"{op} in: {script.Trim()}"));

        private static IEnumerable<Type> OutputTypes(CmdletMetadata.CmdletInfo cmdlet, CmdletMetadata module)
        {
            foreach (CustomAttributeData attribute in cmdlet.OutputTypes)
            {
                foreach (CustomAttributeTypedArgument argument in attribute.ConstructorArguments)
                {
                    IEnumerable<object?> values = argument.Value is IEnumerable<CustomAttributeTypedArgument> list ? list.Select(a => a.Value) : new[] { argument.Value };
                    foreach (object? value in values)
                    {
                        if (value is Type type)
                        {
                            yield return type;
                        }
                        else if (value is string name)
                        {
                            yield return module.FindModuleType(name) ?? throw new InvalidOperationException($"{cmdlet.Name}: [OutputType('{name}')] names no type this test can find");
                        }
                    }
                }
            }
        }

        private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
    }
}
