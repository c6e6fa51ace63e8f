using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Views
{
    /// <summary>Get-ContainerImage as docker images shows it (issue 10, 3a): newest first, and Size kept when a repository name is long.</summary>
    public sealed class ImageTableTests
    {
        private const string AgoWords = @"^(Less than a second|1 second|\d+ seconds|About a minute|\d+ minutes|About an hour|\d+ hours|\d+ days|\d+ weeks|\d+ months|\d+ years) ago$";

        [Fact]
        public async Task Size_stays_on_the_line_when_the_repository_name_is_long()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $long = ""$TestRegistry/team/$Prefix/payments-reconciliation-service""
                Add-ContainerImageTag -Name $TestImage -Tag ""${long}:1.2.3""
                $images = Get-ContainerImage -Name ""*$Prefix*""
                $images | Out-String -Width 80
                $images | Format-Table | Out-String -Width 120").AssertNoErrors();
            string longRepository = session.Engine.Registry + "/team/" + session.Prefix + "/payments-reconciliation-service";
            Assert.True(longRepository.Length > 39, longRepository);

            RenderedTable narrow = RenderedTable.Parse((string)result.Output[0].BaseObject);
            Assert.Equal(new[] { "Repository", "Tag", "ImageId", "Size" }, narrow.Labels);
            Assert.True(narrow.Width <= 80, narrow.Text);
            string row = narrow.Row("1.2.3");
            Assert.Matches(@" \d+(\.\d+)?[kMG]?B$", row.TrimEnd());
            Assert.StartsWith(longRepository.Substring(0, 30), narrow.Cell("1.2.3", "Repository"), StringComparison.Ordinal);
            Assert.Equal("1.2.3", narrow.Cell("1.2.3", "Tag"));

            RenderedTable wide = RenderedTable.Parse((string)result.Output[1].BaseObject);
            Assert.Equal(new[] { "Repository", "Tag", "ImageId", "Size", "Created" }, wide.Labels);
            Assert.True(wide.Width <= 120, wide.Text);
            Assert.Matches(AgoWords, wide.Cell("1.2.3", "Created"));
        }

        [Fact]
        public async Task Images_come_newest_first_as_docker_images_lists_them()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string newer = "localhost/" + session.Prefix + "-newer:latest";

            // A commit made now is newer than the test image, which was imported when the engine started.
            session.Run(@"
                New-Container -Image $TestImage -Name ""$Prefix-source"" -Command sh,-c,'exit 0' |
                    ConvertTo-ContainerImage -Repository ""localhost/$Prefix-newer"" -Message 'made by the image table test' | Out-Null").AssertNoErrors();
            RunResult result = session.Run("Get-ContainerImage").AssertNoErrors();

            List<(string Name, DateTime Created)> images = result.Output
                .Select(item => ((string)item.Properties["Name"].Value, (DateTime)item.Properties["Created"].Value)).ToList();
            for (int i = 1; i < images.Count; i++)
            {
                Assert.True(images[i - 1].Created >= images[i].Created, $"{images[i - 1]} is listed before {images[i]}");
            }

            int newerAt = images.FindIndex(image => image.Name == newer);
            int testImageAt = images.FindIndex(image => image.Name == session.Engine.Image);
            Assert.True(newerAt >= 0 && testImageAt > newerAt, string.Join(", ", images.Select(image => image.Name)));

            // The commit's message is the Comment of its newest step, which the history table shows at 120 columns.
            RenderedTable history = RenderedTable.Parse((string)session.Run("Get-ContainerImageHistory -Name $name | Out-String -Width 120",
                new Dictionary<string, object?> { ["name"] = newer }).AssertNoErrors().Single().BaseObject);
            Assert.Equal(new[] { "ImageId", "Created", "Size", "CreatedBy", "Comment" }, history.Labels);
            Assert.Equal("made by the image table test", history.Cell("made by", "Comment"));
            // Size is right-aligned, so Created is read from the row: the short id, then docker's words whole.
            Assert.Matches(@"^[0-9a-f]{12} +(Less than a second|\d+ seconds?|About a minute|\d+ minutes) ago +\d", history.Row("made by"));
        }
    }
}
