using System.Text;
using System.Xml;
using Containers.HelpBuilder.Markdown;
using Containers.HelpBuilder.Metadata;
using Containers.HelpBuilder.Pages;

namespace Containers.HelpBuilder.Maml
{
    /// <summary>
    /// Writes Containers.dll-Help.xml as Get-Help reads it (the shape platyPS writes): per cmdlet its details, description,
    /// one syntax item per parameter set, the parameters, input and output types, notes, examples and related links.
    /// Everything about a parameter's binding comes from the assembly; only the words come from the page. The output
    /// depends on nothing but its inputs (no dates, no machine names), so rebuilding gives the same bytes.
    /// </summary>
    public static class MamlWriter
    {
        public const string MshNamespace = "http://msh";
        public const string MamlNamespace = "http://schemas.microsoft.com/maml/2004/10";
        public const string CommandNamespace = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public const string DevNamespace = "http://schemas.microsoft.com/maml/dev/2004/10";
        public const string MSHelpNamespace = "http://msdn.microsoft.com/mshelp";

        public static string Write(IEnumerable<DocumentedCmdlet> commands)
        {
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
            };
            using var stream = new MemoryStream();
            using (XmlWriter writer = XmlWriter.Create(stream, settings))
            {
                writer.WriteStartDocument();
                writer.WriteStartElement("helpItems", MshNamespace);
                writer.WriteAttributeString("schema", "maml");
                foreach (DocumentedCmdlet command in commands)
                {
                    WriteCommand(writer, command.Cmdlet, command.Page);
                }

                writer.WriteEndElement();
                writer.WriteEndDocument();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteCommand(XmlWriter writer, CmdletDefinition cmdlet, CommandPage page)
        {
            writer.WriteStartElement("command", "command", CommandNamespace);
            writer.WriteAttributeString("xmlns", "maml", null, MamlNamespace);
            writer.WriteAttributeString("xmlns", "command", null, CommandNamespace);
            writer.WriteAttributeString("xmlns", "dev", null, DevNamespace);
            writer.WriteAttributeString("xmlns", "MSHelp", null, MSHelpNamespace);

            writer.WriteStartElement("details", CommandNamespace);
            writer.WriteElementString("name", CommandNamespace, cmdlet.Name);
            writer.WriteElementString("verb", CommandNamespace, cmdlet.Verb);
            writer.WriteElementString("noun", CommandNamespace, cmdlet.Noun);
            WriteDescription(writer, page.Synopsis);
            writer.WriteEndElement();

            WriteDescription(writer, page.Description);
            WriteSyntax(writer, cmdlet, page);
            WriteParameters(writer, cmdlet, page);
            WriteTypes(writer, "inputTypes", "inputType", page.Inputs);
            WriteTypes(writer, "returnValues", "returnValue", page.Outputs);

            writer.WriteStartElement("alertSet", MamlNamespace);
            writer.WriteStartElement("alert", MamlNamespace);
            WriteParagraphs(writer, page.Notes);
            writer.WriteEndElement();
            writer.WriteEndElement();

            WriteExamples(writer, page);
            WriteLinks(writer, page);
            writer.WriteEndElement();
        }

        private static void WriteSyntax(XmlWriter writer, CmdletDefinition cmdlet, CommandPage page)
        {
            writer.WriteStartElement("syntax", CommandNamespace);
            foreach (string set in cmdlet.ParameterSets)
            {
                writer.WriteStartElement("syntaxItem", CommandNamespace);
                writer.WriteElementString("name", MamlNamespace, cmdlet.Name);
                foreach (ParameterInSet parameter in cmdlet.ParametersIn(set))
                {
                    ParameterBinding binding = parameter.Binding;
                    WriteParameter(writer, parameter.Parameter, page, binding.Mandatory, binding.Position,
                        binding.FromPipeline, binding.FromPipelineByPropertyName, inSyntax: true);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        /// <summary>
        /// Each parameter once. Where its sets disagree, "Required?" is true only when it is mandatory in every set, the
        /// position is the one of the first set (in syntax order) that gives one, and pipeline input is what any set accepts.
        /// </summary>
        private static void WriteParameters(XmlWriter writer, CmdletDefinition cmdlet, CommandPage page)
        {
            writer.WriteStartElement("parameters", CommandNamespace);
            foreach (ParameterDefinition parameter in cmdlet.ParametersInDisplayOrder())
            {
                IReadOnlyList<ParameterInSet> bindings = cmdlet.BindingsOf(parameter);
                WriteParameter(
                    writer,
                    parameter,
                    page,
                    bindings.All(b => b.Binding.Mandatory),
                    bindings.Select(b => b.Binding.Position).FirstOrDefault(p => p.HasValue),
                    bindings.Any(b => b.Binding.FromPipeline),
                    bindings.Any(b => b.Binding.FromPipelineByPropertyName),
                    inSyntax: false);
            }

            writer.WriteEndElement();
        }

        private static void WriteParameter(XmlWriter writer, ParameterDefinition parameter, CommandPage page, bool required, int? position,
            bool byValue, bool byPropertyName, bool inSyntax)
        {
            writer.WriteStartElement("parameter", CommandNamespace);
            writer.WriteAttributeString("required", Flag(required));
            writer.WriteAttributeString("variableLength", Flag(parameter.IsArray));
            writer.WriteAttributeString("globbing", Flag(parameter.SupportsWildcards));
            writer.WriteAttributeString("pipelineInput", PipelineInputText.Of(byValue, byPropertyName));
            writer.WriteAttributeString("position", position.HasValue ? position.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named");
            writer.WriteAttributeString("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases));
            writer.WriteElementString("name", MamlNamespace, parameter.Name);
            PageParameter? described = page.Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            WriteDescription(writer, described?.Description ?? new List<MarkdownNode>());

            if (inSyntax && parameter.AcceptedValues.Count > 0)
            {
                writer.WriteStartElement("parameterValueGroup", CommandNamespace);
                foreach (string value in parameter.AcceptedValues)
                {
                    WriteParameterValue(writer, value, required: false, variableLength: false);
                }

                writer.WriteEndElement();
            }

            // A switch takes no value: syntax shows it bare, the parameter list as [<SwitchParameter>].
            if (!(inSyntax && parameter.IsSwitch))
            {
                WriteParameterValue(writer, parameter.TypeName, required: !parameter.IsSwitch, variableLength: parameter.IsArray);
            }

            writer.WriteStartElement("type", DevNamespace);
            writer.WriteElementString("name", MamlNamespace, parameter.TypeFullName);
            writer.WriteElementString("uri", MamlNamespace, string.Empty);
            writer.WriteEndElement();
            writer.WriteElementString("defaultValue", DevNamespace, parameter.IsSwitch ? "False" : "None");
            writer.WriteEndElement();
        }

        private static void WriteParameterValue(XmlWriter writer, string text, bool required, bool variableLength)
        {
            writer.WriteStartElement("parameterValue", CommandNamespace);
            writer.WriteAttributeString("required", Flag(required));
            writer.WriteAttributeString("variableLength", Flag(variableLength));
            writer.WriteString(text);
            writer.WriteEndElement();
        }

        private static void WriteTypes(XmlWriter writer, string listName, string itemName, IEnumerable<PageTypeNote> notes)
        {
            writer.WriteStartElement(listName, CommandNamespace);
            foreach (PageTypeNote note in notes)
            {
                writer.WriteStartElement(itemName, CommandNamespace);
                writer.WriteStartElement("type", DevNamespace);
                writer.WriteElementString("name", MamlNamespace, note.TypeName);
                writer.WriteEndElement();
                WriteDescription(writer, note.Description);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        private static void WriteExamples(XmlWriter writer, CommandPage page)
        {
            writer.WriteStartElement("examples", CommandNamespace);
            foreach (PageExample example in page.Examples)
            {
                writer.WriteStartElement("example", CommandNamespace);
                writer.WriteElementString("title", MamlNamespace, "---------- " + example.Title + " ----------");
                writer.WriteElementString("code", DevNamespace, example.Code ?? string.Empty);
                writer.WriteStartElement("remarks", DevNamespace);
                WriteParagraphs(writer, example.Remarks);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        private static void WriteLinks(XmlWriter writer, CommandPage page)
        {
            writer.WriteStartElement("relatedLinks", CommandNamespace);
            foreach (PageLink link in page.RelatedLinks)
            {
                writer.WriteStartElement("navigationLink", MamlNamespace);
                writer.WriteElementString("linkText", MamlNamespace, link.Text);

                // Get-Help -Online opens the first web address; a sibling page is named by its text alone.
                writer.WriteElementString("uri", MamlNamespace, link.IsWebAddress ? link.Target : string.Empty);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        private static void WriteDescription(XmlWriter writer, IEnumerable<MarkdownNode> nodes)
        {
            writer.WriteStartElement("description", MamlNamespace);
            WriteParagraphs(writer, nodes);
            writer.WriteEndElement();
        }

        private static void WriteParagraphs(XmlWriter writer, IEnumerable<MarkdownNode> nodes)
        {
            foreach (string paragraph in MamlParagraphs.From(nodes))
            {
                writer.WriteElementString("para", MamlNamespace, paragraph);
            }
        }

        private static string Flag(bool value) => value ? "true" : "false";
    }
}
