namespace Containers.Completion
{
    /// <summary>
    /// One completion as PowerShell shows it: the text that replaces the typed word (quoted where it must be), the plain
    /// name for the menu, and a tooltip. PowerShell refuses empty list texts and tooltips, so neither is ever empty.
    /// </summary>
    public sealed class CompletionItem
    {
        public CompletionItem(string completionText, string listItemText, string toolTip)
        {
            CompletionText = completionText;
            ListItemText = string.IsNullOrEmpty(listItemText) ? completionText : listItemText;
            ToolTip = string.IsNullOrEmpty(toolTip) ? ListItemText : toolTip;
        }

        public string CompletionText { get; }

        public string ListItemText { get; }

        public string ToolTip { get; }

        public override string ToString() => CompletionText;
    }
}
