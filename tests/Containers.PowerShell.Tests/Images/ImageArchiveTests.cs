using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Images
{
    /// <summary>
    /// Export-ContainerImage and Import-ContainerImage (docker save / load) through PowerShell: images piped from
    /// Get-ContainerImage, files piped from Get-Item, and a missing image reported without leaving a file. Images are
    /// tagged localhost/$Prefix-... so the session's disposal removes them.
    /// </summary>
    public sealed class ImageArchiveTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cps-archive-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public ImageArchiveTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task An_image_piped_from_Get_ContainerImage_is_saved_and_a_file_piped_from_Get_Item_loads_it_back()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string tar = Path.Combine(_folder, "images.tar");
            var variables = new Dictionary<string, object?> { ["Tar"] = tar };
            RunResult saved = session.Run(@"
                Add-ContainerImageTag -Name $TestImage -Tag ""localhost/$Prefix-arch:1""
                Get-ContainerImage -Name ""localhost/$Prefix-arch:1"" | Export-ContainerImage -Path $Tar -PassThru", variables).AssertNoErrors();
            string id = (string)saved.Single().Properties["Id"].Value;
            Assert.True(new FileInfo(tar).Length > 1024, "the archive holds the image's layers");

            session.Run(@"Remove-ContainerImage -Name ""localhost/$Prefix-arch:1"" -Confirm:$false").AssertNoErrors();
            Assert.Empty(session.Run(@"Get-ContainerImage -Name ""localhost/$Prefix-arch*""").AssertNoErrors().Output);

            RunResult loaded = session.Run("Get-Item $Tar | Import-ContainerImage").AssertNoErrors();
            PSObject image = loaded.Single();
            Assert.Equal(id, (string)image.Properties["Id"].Value);
            Assert.Contains("localhost/" + session.Prefix + "-arch:1", (IEnumerable<string>)image.Properties["RepoTags"].Value);
        }

        [Fact]
        public async Task Several_names_go_into_one_archive_and_Import_binds_FullName_from_objects()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string tar = Path.Combine(_folder, "two.tar");
            RunResult result = session.Run(@"
                Add-ContainerImageTag -Name $TestImage -Tag ""localhost/$Prefix-one:1"", ""localhost/$Prefix-two:1""
                Export-ContainerImage -Name ""localhost/$Prefix-one:1"", ""localhost/$Prefix-two:1"" -Path $Tar
                Remove-ContainerImage -Name ""localhost/$Prefix-one:1"", ""localhost/$Prefix-two:1"" -Confirm:$false
                [pscustomobject]@{ FullName = $Tar } | Import-ContainerImage | ForEach-Object RepoTags | Sort-Object -Unique",
                new Dictionary<string, object?> { ["Tar"] = tar }).AssertNoErrors();

            string[] tags = result.Output.Select(o => (string)o.BaseObject).ToArray();
            Assert.Contains("localhost/" + session.Prefix + "-one:1", tags);
            Assert.Contains("localhost/" + session.Prefix + "-two:1", tags);
        }

        [Fact]
        public async Task Exporting_a_missing_image_is_ObjectNotFound_and_leaves_no_file()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string tar = Path.Combine(_folder, "missing.tar");
            RunResult result = session.Run(@"Export-ContainerImage -Name ""localhost/$Prefix-absent:1"" -Path $Tar", new Dictionary<string, object?> { ["Tar"] = tar });

            Assert.Null(result.Terminating); // not terminating: the error belongs to that one image (file)
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ImageNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("localhost/" + session.Prefix + "-absent:1", error.TargetObject);
            Assert.False(File.Exists(tar), "no partial archive is left");
        }

        [Fact]
        public async Task Importing_a_file_that_does_not_exist_is_ObjectNotFound_naming_it()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string tar = Path.Combine(_folder, "absent.tar");
            RunResult result = session.Run("Import-ContainerImage -Path $Tar", new Dictionary<string, object?> { ["Tar"] = tar });

            Assert.Empty(result.Output);
            Assert.Null(result.Terminating); // not terminating: the error belongs to that one image (file)
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("absent.tar", error.ToString(), StringComparison.Ordinal);
        }
    }
}
