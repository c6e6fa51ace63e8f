namespace Containers.HelpBuilder.Markdown
{
    /// <summary>The few markdown blocks help pages use.</summary>
    public enum MarkdownNodeKind
    {
        Heading,
        Paragraph,
        ListItem,
        Code,

        /// <summary>A pipe table, kept as its source lines.</summary>
        Table,
    }
}
