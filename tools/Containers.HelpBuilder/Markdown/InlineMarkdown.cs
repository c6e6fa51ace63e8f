using System.Text;
using System.Text.RegularExpressions;

namespace Containers.HelpBuilder.Markdown
{
    /// <summary>
    /// Inline markdown as console help shows it: links keep their text, code spans and strong emphasis lose their marks.
    /// The inside of a code span is left exactly as written, so '**' there survives.
    /// </summary>
    public static class InlineMarkdown
    {
        private static readonly Regex CodeSpan = new Regex("`([^`]+)`", RegexOptions.CultureInvariant);
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\(([^)\s]+)\)", RegexOptions.CultureInvariant);
        private static readonly Regex Strong = new Regex(@"\*\*(.+?)\*\*", RegexOptions.CultureInvariant);

        public static string ToPlainText(string markdown)
        {
            // Links first: their text may itself be a code span, [`Get-Container`](Get-Container.md).
            string text = Link.Replace(markdown, "$1");
            var plain = new StringBuilder();
            int position = 0;
            foreach (Match code in CodeSpan.Matches(text))
            {
                plain.Append(Strong.Replace(text.Substring(position, code.Index - position), "$1"));
                plain.Append(code.Groups[1].Value);
                position = code.Index + code.Length;
            }

            plain.Append(Strong.Replace(text.Substring(position), "$1"));
            return plain.ToString();
        }
    }
}
