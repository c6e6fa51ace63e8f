using System.Collections;
using Containers.Completion;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    public class ContainerNameCompletionTests : EngineTest
    {
        private static readonly EngineNameCompleter ContainerNames = EngineCompleters.ContainerNames.WithTimeLimit(CompletionAssert.Patient);

        private Hashtable Bound => new Hashtable { ["Engine"] = Engine };

        [Fact]
        public async Task Names_come_back_filtered_by_prefix_ignoring_case_stopped_ones_included_and_sorted()
        {
            string prefix = PrivateEngine.UniqueName("cmp");
            await StartAsync(Sleeper, prefix + "-web");
            await CreateAsync(new[] { "true" }, prefix + "-Db");
            await CreateAsync(new[] { "true" }, PrivateEngine.UniqueName("other"));

            IReadOnlyList<CompletionItem> items = ContainerNames.Complete(prefix.ToUpperInvariant(), Bound, "no-session");

            Assert.Equal(new[] { prefix + "-Db", prefix + "-web" }, items.Select(i => i.CompletionText));
            CompletionAssert.WellFormed(items);
            Assert.Contains("Up ", items.Single(i => i.ListItemText == prefix + "-web").ToolTip);
            Assert.Contains("Created", items.Single(i => i.ListItemText == prefix + "-Db").ToolTip);
            Assert.Contains(Image, items.Single(i => i.ListItemText == prefix + "-Db").ToolTip);
        }

        [Fact]
        public async Task Wildcards_are_honoured()
        {
            string prefix = PrivateEngine.UniqueName("cmpw");
            await CreateAsync(new[] { "true" }, prefix + "-api-1");
            await CreateAsync(new[] { "true" }, prefix + "-web-1");

            IReadOnlyList<CompletionItem> items = ContainerNames.Complete("*" + prefix.Substring(4) + "-w", Bound, "no-session");

            Assert.Equal(new[] { prefix + "-web-1" }, items.Select(i => i.CompletionText));
        }

        [Fact]
        public async Task A_name_PowerShell_would_read_as_a_number_comes_back_quoted_and_an_opened_quote_is_kept()
        {
            // 0x... is a valid container name, and PowerShell would pass it on as an integer.
            string hex = "0x" + System.Guid.NewGuid().ToString("N").Substring(0, 10);
            string plain = PrivateEngine.UniqueName("cmpq");
            await CreateAsync(new[] { "true" }, hex);
            await CreateAsync(new[] { "true" }, plain);

            Assert.Equal(new[] { "'" + hex + "'" }, ContainerNames.Complete(hex.Substring(0, 6), Bound, "no-session").Select(i => i.CompletionText));
            Assert.Equal(hex, ContainerNames.Complete(hex.Substring(0, 6), Bound, "no-session").Single().ListItemText);
            Assert.Equal(new[] { "'" + plain + "'" }, ContainerNames.Complete("'" + plain, Bound, "no-session").Select(i => i.CompletionText));
            Assert.Equal(new[] { plain }, ContainerNames.Complete(plain, Bound, "no-session").Select(i => i.CompletionText));
        }
    }
}
