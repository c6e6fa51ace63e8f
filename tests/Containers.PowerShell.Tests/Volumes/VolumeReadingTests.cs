using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Views;
using Xunit;

namespace Containers.PowerShell.Tests.Volumes
{
    /// <summary>Get-ContainerVolume and Get-ContainerDiskUsage through PowerShell, and their tables at 80 and 120 columns.</summary>
    public sealed class VolumeReadingTests
    {
        [Fact]
        public async Task Volumes_bind_by_property_and_disk_usage_lists_them_with_whole_names()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string name = session.Prefix + "-payments-volume-long";
            Assert.Equal(31, name.Length);
            RunResult result = session.Run(@"
                New-ContainerVolume -Name $name | Out-Null
                ([pscustomobject]@{ VolumeName = $name } | Get-ContainerVolume).Name
                $name | Get-ContainerVolume -IncludeUsage | ForEach-Object { $_.UsageData.Size }
                $summary = Get-ContainerDiskUsage
                ($summary | ForEach-Object { $_.Type }) -join ','
                $summary | Out-String -Width 80
                $items = Get-ContainerDiskUsage -Detailed | Where-Object Name -eq $name
                $items.Type
                $items | Out-String -Width 80
                $items | Out-String -Width 120",
                new Dictionary<string, object?> { ["name"] = name }).AssertNoErrors();

            Assert.Equal(name, result.Output[0].BaseObject);
            Assert.Equal(0L, Convert.ToInt64(result.Output[1].BaseObject));
            Assert.Equal("Images,Containers,Local Volumes,Build Cache", result.Output[2].BaseObject);
            RenderedTable summary = RenderedTable.Parse((string)result.Output[3].BaseObject);
            Assert.Equal(new[] { "Type", "TotalCount", "Active", "Size", "Reclaimable" }, summary.Labels);
            Assert.Equal("Volume", result.Output[4].BaseObject?.ToString());

            RenderedTable narrow = RenderedTable.Parse((string)result.Output[5].BaseObject);
            Assert.Equal(new[] { "Type", "Name", "Size", "SharedSize", "Containers" }, narrow.Labels);
            Assert.True(narrow.Width <= 80, narrow.Text);
            Assert.Equal(name, narrow.Cell(name, "Name"));
            RenderedTable wide = RenderedTable.Parse((string)result.Output[6].BaseObject);
            Assert.Equal(new[] { "Type", "Name", "Size", "SharedSize", "Containers", "Active", "Id" }, wide.Labels);
            Assert.Equal(name, wide.Cell(name, "Name"));
            Assert.True(wide.Width <= 120, wide.Text);
        }
    }
}
