using System.Diagnostics;
using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.BadInput
{
    /// <summary>
    /// The bad-input table (BadInputRows.txt): every row is a command with one bad value, run in one shared session, that
    /// must give exactly its named error (id and category), in a message naming the value, with no output, and leave the
    /// engine and the folders a command writes to as they were. The rows' collection runs alone, so that what other tests
    /// make meanwhile cannot pass for something a row made.
    /// </summary>
    [Collection(BadInputCollection.Name)]
    public sealed class BadInputTests : IClassFixture<BadInputSession>
    {
        /// <summary>A row waits on nothing (no timeout, no pull, no DNS): far more than a loaded machine needs.</summary>
        private static readonly TimeSpan RowBound = TimeSpan.FromSeconds(20);

        private readonly BadInputSession _fixture;

        public BadInputTests(BadInputSession fixture) => _fixture = fixture;

        public static IEnumerable<object[]> Rows => BadInputRow.Read("BadInputRows.txt")
            .Select(row => new object[] { row.Command, row.ErrorId, row.Category, row.Named });

        /// <summary>Rows whose outcome today is a defect: kept, not run, until their fix lands (then they move to the table).</summary>
        public static IReadOnlyList<BadInputRow> PendingRows => BadInputRow.Read("BadInputPendingRows.txt");

        [Theory]
        [MemberData(nameof(Rows))]
        public async Task A_bad_value_gives_its_named_error_and_makes_nothing(string command, string errorId, string category, string named)
        {
            EngineInventory before = await EngineInventory.TakeAsync(_fixture.Engine, _fixture.Session.Prefix, _fixture.WatchedFolders);
            Stopwatch clock = Stopwatch.StartNew();
            RunResult result = _fixture.Session.Run(command);
            clock.Stop();
            EngineInventory after = await EngineInventory.TakeAsync(_fixture.Engine, _fixture.Session.Prefix, _fixture.WatchedFolders);
            IReadOnlyList<string> added = before.Added(after);
            IReadOnlyList<string> removed = before.Removed(after);
            await before.RemoveAddedAsync(_fixture.Engine, after);

            List<ErrorRecord> errors = result.Errors.ToList();
            if (result.Terminating != null && !errors.Contains(result.Terminating))
            {
                errors.Add(result.Terminating);
            }

            string outcome = $"{result.Describe()}; output: {result.Output.Count}; now: [{string.Join(", ", added)}]; before: [{string.Join(", ", removed)}]";
            ErrorRecord error = errors.Count == 1 ? errors[0] : throw new Xunit.Sdk.XunitException($"Expected exactly one error. {outcome}");
            Assert.True(errorId == error.FullyQualifiedErrorId.Split(',')[0], $"Expected the id {errorId}. {outcome}");
            Assert.True(category == error.CategoryInfo.Category.ToString(), $"Expected the category {category}. {outcome}");
            string message = error.ErrorDetails?.Message ?? error.Exception.Message;
            string value = _fixture.Expand(named);
            Assert.True(message.Contains(value, StringComparison.Ordinal), $"Expected the message to name '{value}': {message}");
            Assert.True(result.Output.Count == 0, $"Expected no output. {outcome}");
            Assert.True(added.Count == 0 && removed.Count == 0, $"Expected nothing made, changed or removed. {outcome}");
            Assert.True(clock.Elapsed < RowBound, $"The row took {clock.Elapsed.TotalSeconds:0.0} s: it waited on something.");
        }

        [Fact]
        public void The_table_has_rows_for_every_exported_cmdlet_and_no_pending_row_runs()
        {
            IReadOnlyList<BadInputRow> rows = BadInputRow.Read("BadInputRows.txt");
            string[] exported = _fixture.Session.Run("(Get-Module Containers).ExportedCmdlets.Keys").AssertNoErrors()
                .Output.Select(item => (string)item.BaseObject).ToArray();

            Assert.True(rows.Count >= 300, $"The table has {rows.Count} rows; it keeps at least 300.");
            string[] untested = exported.Where(cmdlet => !rows.Any(row => string.Equals(row.Cmdlet, cmdlet, StringComparison.OrdinalIgnoreCase))).ToArray();
            Assert.True(untested.Length == 0, "No row runs: " + string.Join(", ", untested));
            BadInputRow[] strangers = rows.Concat(PendingRows).Where(row => !exported.Contains(row.Cmdlet, StringComparer.OrdinalIgnoreCase)).ToArray();
            Assert.True(strangers.Length == 0, "Rows that drive no exported cmdlet: " + string.Join("; ", strangers.Select(row => row.ToString())));
            string[] twice = rows.GroupBy(row => row.Command).Where(group => group.Count() > 1).Select(group => group.Key).ToArray();
            Assert.True(twice.Length == 0, "Rows given twice: " + string.Join("; ", twice));
            BadInputRow[] both = PendingRows.Where(pending => rows.Any(row => row.Command == pending.Command)).ToArray();
            Assert.True(both.Length == 0, "Pending rows also in the table: " + string.Join("; ", both.Select(row => row.ToString())));
            Assert.All(rows.Concat(PendingRows), row => Assert.True(Enum.TryParse(row.Category, out ErrorCategory _), $"{row}: '{row.Category}' is no ErrorCategory."));
        }
    }
}
