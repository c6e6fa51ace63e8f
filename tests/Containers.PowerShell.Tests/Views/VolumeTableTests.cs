using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Views
{
    /// <summary>
    /// Get-ContainerVolume's table (issue 10, 3a): the name takes what the other columns leave, Created is whole, and
    /// Size is the engine's disk usage figure with -IncludeUsage and N/A without it, as docker system df -v says for a
    /// size it does not know.
    /// </summary>
    public sealed class VolumeTableTests
    {
        [Fact]
        public async Task Names_are_whole_at_120_columns_Created_is_whole_and_Size_is_known_only_with_IncludeUsage()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string anonymousLike = (session.Prefix + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef").Substring(0, 64);
            RunResult result = session.Run(@"
                $data = New-ContainerVolume -Name ""$Prefix-data""
                New-ContainerVolume -Name $anonymousLike | Out-Null
                New-Container -Image $TestImage -Name ""$Prefix-writer"" -Mount @{ Source = $data; Target = '/data' } -Command sh,-c,'head -c 5000 /dev/zero > /data/file' |
                    Start-Container -PassThru | Wait-Container | Out-Null
                Get-ContainerVolume -Name ""$Prefix*"" | Out-String -Width 80
                Get-ContainerVolume -Name ""$Prefix*"" | Out-String -Width 120
                Get-ContainerVolume -Name ""$Prefix*"" -IncludeUsage | Out-String -Width 80",
                new Dictionary<string, object?> { ["anonymousLike"] = anonymousLike }).AssertNoErrors();

            RenderedTable narrow = RenderedTable.Parse((string)result.Output[0].BaseObject);
            RenderedTable wide = RenderedTable.Parse((string)result.Output[1].BaseObject);
            RenderedTable usage = RenderedTable.Parse((string)result.Output[2].BaseObject);
            foreach (RenderedTable table in new[] { narrow, wide, usage })
            {
                Assert.Equal(new[] { "Driver", "Name", "Created", "Size" }, table.Labels);
                Assert.Equal("local", table.Cell(session.Prefix + "-data", "Driver"));
                Assert.Equal(session.Prefix + "-data", table.Cell(session.Prefix + "-data", "Name"));
                Assert.Matches(@"^(Less than a second|1 second|\d+ seconds|About a minute|\d+ minutes) ago$", table.Cell(session.Prefix + "-data", "Created"));
            }

            Assert.True(narrow.Width <= 80 && usage.Width <= 80, narrow.Text);
            Assert.True(wide.Width <= 120, wide.Text);
            Assert.Equal(anonymousLike, wide.Cell(anonymousLike.Substring(0, 30), "Name"));
            Assert.StartsWith(anonymousLike.Substring(0, 30), narrow.Cell(anonymousLike.Substring(0, 30), "Name"), StringComparison.Ordinal);

            // Without -IncludeUsage the engine was not asked: N/A, never a blank that looks like an empty volume.
            Assert.EndsWith(" N/A", narrow.Row(session.Prefix + "-data").TrimEnd(), StringComparison.Ordinal);
            Assert.EndsWith(" N/A", wide.Row(anonymousLike.Substring(0, 30)).TrimEnd(), StringComparison.Ordinal);
            Assert.EndsWith(" 5kB", usage.Row(session.Prefix + "-data").TrimEnd(), StringComparison.Ordinal);
            Assert.EndsWith(" 0B", usage.Row(anonymousLike.Substring(0, 30)).TrimEnd(), StringComparison.Ordinal);
        }
    }
}
