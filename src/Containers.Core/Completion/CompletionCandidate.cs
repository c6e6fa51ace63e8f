namespace Containers.Completion
{
    /// <summary>A name an engine offers, before it is matched against what was typed and quoted.</summary>
    public sealed class CompletionCandidate
    {
        /// <param name="name">What the typed word is matched against, and what the menu shows.</param>
        /// <param name="toolTip">A line about the object: its state, image, driver...</param>
        /// <param name="text">What to insert when it differs from the name (a volume name completes to <c>name:</c>).</param>
        public CompletionCandidate(string name, string toolTip, string? text = null)
        {
            Name = name;
            ToolTip = toolTip;
            Text = text ?? name;
        }

        public string Name { get; }

        public string ToolTip { get; }

        public string Text { get; }

        /// <summary>What PowerShell offers for this candidate: its text quoted as <paramref name="word"/> was typed, or as it needs to be.</summary>
        public CompletionItem ToItem(TypedWord word) => new CompletionItem(ArgumentQuoting.Quote(Text, word.Quoted), Name, ToolTip);
    }
}
