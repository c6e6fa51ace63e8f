using Containers.HelpBuilder.Metadata;

namespace Containers.HelpBuilder.Pages
{
    /// <summary>
    /// A parameter set as Get-Command -Syntax writes it: [[-Name] &lt;String[]&gt;] for an optional positional parameter,
    /// -Command &lt;String[]&gt; for a mandatory named one, [-All] for a switch, and [&lt;CommonParameters&gt;] at the end.
    /// </summary>
    public static class SyntaxText
    {
        public static string Line(CmdletDefinition cmdlet, string setName)
        {
            IEnumerable<string> parts = cmdlet.ParametersIn(setName).Select(Part);
            return string.Join(" ", new[] { cmdlet.Name }.Concat(parts).Append("[<CommonParameters>]"));
        }

        /// <summary>The markdown of a page's SYNTAX section: one "### Set" heading and code block per parameter set.</summary>
        public static IReadOnlyList<string> Section(CmdletDefinition cmdlet)
        {
            var lines = new List<string> { "## SYNTAX", string.Empty };
            foreach (string set in cmdlet.ParameterSets)
            {
                bool isDefault = cmdlet.ParameterSets.Count > 1 && set == cmdlet.ParameterSets[0];
                lines.Add("### " + set + (isDefault ? " (Default)" : string.Empty));
                lines.Add("```");
                lines.Add(Line(cmdlet, set));
                lines.Add("```");
                lines.Add(string.Empty);
            }

            return lines;
        }

        private static string Part(ParameterInSet parameter)
        {
            string name = "-" + parameter.Parameter.Name;
            if (parameter.Binding.Position.HasValue)
            {
                name = "[" + name + "]";
            }

            string text = parameter.Parameter.IsSwitch ? name : name + " <" + parameter.Parameter.TypeName + ">";
            return parameter.Binding.Mandatory ? text : "[" + text + "]";
        }
    }
}
