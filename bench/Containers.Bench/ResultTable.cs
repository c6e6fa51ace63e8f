using System.Globalization;

namespace Containers.Bench
{
    /// <summary>Prints rows as a fixed-width table that also reads as Markdown, so it can be pasted into the README.</summary>
    internal static class ResultTable
    {
        private static readonly string[] Headings = { "operation", "ours (ms)", "bare (ms)", "CLI (ms)", "ours/bare", "ours/CLI", "target", "result" };

        public static void Print(IEnumerable<ResultRow> rows)
        {
            List<string[]> cells = rows.Select(row => new[]
            {
                row.Operation,
                Milliseconds(row.Ours),
                Milliseconds(row.Bare),
                Milliseconds(row.Cli),
                Ratio(row.OursOverBare),
                Ratio(row.OursOverCli),
                row.TargetText,
                row.Met switch { true => "met", false => "MISSED", null => "" },
            }).ToList();
            PrintCells(Headings, cells);
        }

        public static void PrintCells(string[] headings, IReadOnlyList<string[]> cells)
        {
            int[] widths = headings.Select((heading, column) => Math.Max(heading.Length, cells.Count == 0 ? 0 : cells.Max(row => row[column].Length))).ToArray();
            Console.WriteLine(Line(headings, widths));
            Console.WriteLine("|" + string.Join("|", widths.Select(width => new string('-', width + 2))) + "|");
            foreach (string[] row in cells)
            {
                Console.WriteLine(Line(row, widths));
            }
        }

        private static string Line(string[] cells, int[] widths) =>
            "| " + string.Join(" | ", cells.Select((cell, column) => cell.PadRight(widths[column]))) + " |";

        public static string Milliseconds(double? value) => value is double ms ? ms.ToString(ms < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture) : "-";

        private static string Ratio(double? value) => value is double ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
    }
}
