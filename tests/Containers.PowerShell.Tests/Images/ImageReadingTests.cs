using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Images
{
    /// <summary>Get-ContainerImage, -ImageDetail and -ImageHistory through PowerShell: piped images, names bound by property, errors.</summary>
    public sealed class ImageReadingTests
    {
        [Fact]
        public async Task A_piped_image_and_a_name_bound_by_property_reach_the_same_detail_and_history()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $image = Get-ContainerImage -Name $TestImage
                $image
                $image | Get-ContainerImageDetail
                [pscustomobject]@{ ImageName = $TestImage } | Get-ContainerImageDetail
                @(Get-ContainerImageHistory -Image $image).Count
                @([pscustomobject]@{ ImageId = $image.Id } | Get-ContainerImageHistory).Count
                Get-ContainerImageDetail -Name $TestImage | Out-String -Width 80").AssertNoErrors();

            Assert.Equal(6, result.Output.Count);
            PSObject image = result.Output[0];
            Assert.Equal(session.Engine.Image, image.Properties["Name"].Value);
            Assert.All(new[] { result.Output[1], result.Output[2] }, detail =>
            {
                Assert.Equal("Containers.Models.ContainerImageDetail", detail.BaseObject.GetType().FullName);
                Assert.Equal(image.Properties["Id"].Value, detail.Properties["Id"].Value);
            });
            Assert.True((int)result.Output[3].BaseObject >= 1);
            Assert.Equal(result.Output[3].BaseObject, result.Output[4].BaseObject);

            // The detail's default view is a list, every tag on one line.
            Assert.Contains("RepoTags", (string)result.Output[5].BaseObject, StringComparison.Ordinal);
            Assert.Contains(session.Engine.Image, (string)result.Output[5].BaseObject, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_missing_image_is_ImageNotFound_for_each_reader_and_the_pipeline_goes_on()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                Get-ContainerImage -Name ""localhost/$Prefix-missing:1""
                Get-ContainerImageDetail -Name ""localhost/$Prefix-missing:1"", $TestImage
                Get-ContainerImageHistory -Name ""localhost/$Prefix-missing:1""
                Get-ContainerImage -Name ""localhost/$Prefix-missing*""
                'after'");

            Assert.Null(result.Terminating);
            Assert.Equal(3, result.Errors.Count);
            Assert.All(result.Errors, error =>
            {
                Assert.StartsWith("ImageNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
                Assert.Contains(session.Prefix + "-missing", error.TargetObject?.ToString(), StringComparison.Ordinal);
            });
            Assert.Equal(new[] { session.Engine.Image, "after" }, result.Output.Select(item => item.BaseObject is string text ? text : (string)item.Properties["Name"].Value));
        }
    }
}
