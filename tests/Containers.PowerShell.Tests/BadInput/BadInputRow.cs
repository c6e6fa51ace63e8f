using Containers.PowerShell.Tests.Fixtures;

namespace Containers.PowerShell.Tests.BadInput
{
    /// <summary>
    /// One line of a bad-input table (BadInputRows.txt, BadInputPendingRows.txt): the error id, the category, the text the
    /// message must hold and the command, separated by " | " with the command last, so that it may hold pipes of its own.
    /// </summary>
    public sealed class BadInputRow
    {
        private const string Separator = " | ";

        private BadInputRow(string file, int line, string errorId, string category, string named, string command)
        {
            File = file;
            Line = line;
            ErrorId = errorId;
            Category = category;
            Named = named;
            Command = command;
        }

        public string File { get; }

        public int Line { get; }

        /// <summary>The FullyQualifiedErrorId before its comma.</summary>
        public string ErrorId { get; }

        /// <summary>An ErrorCategory name.</summary>
        public string Category { get; }

        /// <summary>Text the message must hold, with $Prefix, $Scratch, $TestImage and $TestRegistry still to replace.</summary>
        public string Named { get; }

        public string Command { get; }

        /// <summary>The cmdlet the row drives: the first of the last pipeline element ("Get-Process | Stop-Container": Stop-Container).</summary>
        public string Cmdlet => Command.Split('|')[^1].Trim().Split(' ')[0];

        /// <summary>The rows of a table in this folder of the repository; comments (#) and blank lines are skipped.</summary>
        public static IReadOnlyList<BadInputRow> Read(string fileName)
        {
            string root = RepositoryFiles.Root;
            string path = Path.Combine(root, "tests", "Containers.PowerShell.Tests", "BadInput", fileName);
            string[] lines = System.IO.File.ReadAllLines(path);
            var rows = new List<BadInputRow>();
            for (int index = 0; index < lines.Length; index++)
            {
                string text = lines[index];
                if (text.Trim().Length == 0 || text.TrimStart().StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] columns = text.Split(new[] { Separator }, 4, StringSplitOptions.None);
                if (columns.Length != 4 || columns.Take(3).Any(column => column.Trim().Length == 0))
                {
                    throw new FormatException($"{fileName}:{index + 1} is not 'id | category | named | command': {text}");
                }

                rows.Add(new BadInputRow(fileName, index + 1, columns[0].Trim(), columns[1].Trim(), columns[2].Trim(), columns[3].Trim()));
            }

            return rows;
        }

        public override string ToString() => $"{File}:{Line}: {Command}";
    }
}
