namespace Containers.HelpBuilder.Pages
{
    /// <summary>A RELATED LINKS entry: [text](target), where target is a sibling page (Get-Container.md) or a URL.</summary>
    public sealed class PageLink
    {
        public PageLink(string text, string target)
        {
            Text = text;
            Target = target;
        }

        public string Text { get; }

        public string Target { get; }

        public bool IsWebAddress =>
            Target.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase) || Target.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase);

        public override string ToString() => $"[{Text}]({Target})";
    }
}
