using System.Text.RegularExpressions;

namespace Containers.PowerShell.Tests.Views
{
    /// <summary>
    /// A table as Out-String rendered it: the header labels with where each starts, and the rows under them. A cell is
    /// read from its label's start to the next label's start, which holds for left-aligned columns (a right-aligned
    /// label sits at its column's right edge, so read those with <see cref="Row"/> and a pattern).
    /// </summary>
    internal sealed class RenderedTable
    {
        private readonly List<(string Label, int Start)> _labels;

        private RenderedTable(string text, List<(string Label, int Start)> labels, List<string> rows, int width)
        {
            Text = text;
            _labels = labels;
            Rows = rows;
            Width = width;
        }

        /// <summary>The whole rendered text, for assertion messages.</summary>
        public string Text { get; }

        public IReadOnlyList<string> Labels => _labels.Select(label => label.Label).ToList();

        public IReadOnlyList<string> Rows { get; }

        /// <summary>The longest line of the table, header included.</summary>
        public int Width { get; }

        /// <summary>The first table in <paramref name="text"/>: the line of dashes under the header marks it.</summary>
        public static RenderedTable Parse(string text)
        {
            string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            int dashes = Array.FindIndex(lines, line => line.Length > 0 && Regex.IsMatch(line, @"^-[- ]*$"));
            if (dashes < 1)
            {
                throw new InvalidOperationException("No table in:\n" + text);
            }

            // A label of several words ("Mem Usage / Limit") has one run of dashes under the whole of it.
            var labels = Regex.Matches(lines[dashes], "-+").Select(run => (lines[dashes - 1].Substring(run.Index, Math.Min(run.Length, lines[dashes - 1].Length - run.Index)).Trim(), run.Index)).ToList();
            List<string> rows = lines.Skip(dashes + 1).TakeWhile(line => line.Trim().Length > 0).ToList();
            int width = lines.Skip(dashes - 1).Take(rows.Count + 2).Max(line => line.TrimEnd().Length);
            return new RenderedTable(text, labels, rows, width);
        }

        /// <summary>The first row that contains <paramref name="text"/>; fails showing the table when none does.</summary>
        public string Row(string text) =>
            Rows.FirstOrDefault(row => row.Contains(text, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No row contains '{text}':\n{Text}");

        /// <summary>The trimmed cell under a left-aligned <paramref name="label"/> in the row that contains <paramref name="rowText"/>.</summary>
        public string Cell(string rowText, string label)
        {
            string row = Row(rowText);
            int index = _labels.FindIndex(item => item.Label == label);
            if (index < 0)
            {
                throw new InvalidOperationException($"No column '{label}':\n{Text}");
            }

            int start = _labels[index].Start;
            int end = index + 1 < _labels.Count ? _labels[index + 1].Start : row.Length;
            return start >= row.Length ? string.Empty : row.Substring(start, Math.Min(end, row.Length) - start).Trim();
        }
    }
}
