using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Views;
using Xunit;

namespace Containers.PowerShell.Tests.Engines
{
    /// <summary>Get-ContainerEvent over a bounded window (-Since and -Until, never an open -Follow), filtered two ways, and its table.</summary>
    public sealed class EventReadingTests
    {
        [Fact]
        public async Task A_bounded_window_gives_a_containers_lifecycle_in_order_by_filter_or_by_name()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string name = session.Prefix + "-payments-reconciler4";
            RunResult result = session.Run(@"
                $since = (Get-Date).AddSeconds(-2)
                New-Container -Image $TestImage -Name $name -Command sh,-c,'exit 0' | Start-Container -PassThru | Wait-Container | Out-Null
                # The engine ends the stream at -Until; a second past the last action leaves room for clocks' rounding.
                $until = (Get-Date).AddSeconds(1)
                $byFilter = Get-ContainerEvent -Since $since -Until $until -Filter @{ type = 'container'; container = $name }
                $byName = [pscustomobject]@{ ContainerName = $name } | Get-ContainerEvent -Since $since -Until $until
                ($byFilter | ForEach-Object { $_.Action }) -join ','
                ($byName | ForEach-Object { $_.Action }) -join ','
                @($byFilter | Where-Object Name -ne $name).Count
                $byFilter | Out-String -Width 80
                $byFilter | Out-String -Width 120",
                new Dictionary<string, object?> { ["name"] = name }).AssertNoErrors();

            string[] actions = ((string)result.Output[0].BaseObject).Split(',');
            Assert.Equal(new[] { "create", "start", "die" }, actions.Where(action => action is "create" or "start" or "die"));
            Assert.Equal(result.Output[0].BaseObject, result.Output[1].BaseObject);
            Assert.Equal(0, result.Output[2].BaseObject);

            RenderedTable narrow = RenderedTable.Parse((string)result.Output[3].BaseObject);
            Assert.Equal(new[] { "Time", "Type", "Action", "ActorId", "Name" }, narrow.Labels);
            Assert.True(narrow.Width <= 80, narrow.Text);
            Assert.StartsWith(name.Substring(0, 14), narrow.Cell("create", "Name"), StringComparison.Ordinal);
            RenderedTable wide = RenderedTable.Parse((string)result.Output[4].BaseObject);
            Assert.Equal(name, wide.Cell("create", "Name"));
            Assert.Equal("container", wide.Cell("create", "Type"));
        }
    }
}
