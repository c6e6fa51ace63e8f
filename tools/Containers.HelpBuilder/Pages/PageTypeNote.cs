using Containers.HelpBuilder.Markdown;

namespace Containers.HelpBuilder.Pages
{
    /// <summary>One "### Type.Name" section under INPUTS or OUTPUTS, with what it says about that type.</summary>
    public sealed class PageTypeNote
    {
        public PageTypeNote(string typeName)
        {
            TypeName = typeName;
        }

        public string TypeName { get; }

        public List<MarkdownNode> Description { get; } = new List<MarkdownNode>();

        public override string ToString() => TypeName;
    }
}
