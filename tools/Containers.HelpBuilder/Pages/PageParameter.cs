using Containers.HelpBuilder.Markdown;

namespace Containers.HelpBuilder.Pages
{
    /// <summary>One "### -Name" section: the parameter's description. Its type and binding come from the assembly.</summary>
    public sealed class PageParameter
    {
        public PageParameter(string name, int line)
        {
            Name = name;
            Line = line;
        }

        /// <summary>Without the leading dash.</summary>
        public string Name { get; }

        public int Line { get; }

        public List<MarkdownNode> Description { get; } = new List<MarkdownNode>();

        public override string ToString() => "-" + Name;
    }
}
