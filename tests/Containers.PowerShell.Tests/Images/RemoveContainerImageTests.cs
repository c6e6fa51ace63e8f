using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Images
{
    /// <summary>Remove-ContainerImage by name and by piped image: a tag of the test image goes, the image itself stays.</summary>
    public sealed class RemoveContainerImageTests
    {
        [Fact]
        public async Task Piped_tags_are_untagged_a_missing_name_is_ImageNotFound_and_the_image_stays()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(@"
                Add-ContainerImageTag -Name $TestImage -Tag ""localhost/$Prefix-a:1""
                Add-ContainerImageTag -Name $TestImage -Tag ""localhost/$Prefix-b:1""").AssertNoErrors();

            session.Run(@"Get-ContainerImage -Name ""localhost/$Prefix-a:1"" | Remove-ContainerImage -WhatIf").AssertNoErrors();
            Assert.Single(session.Run(@"Get-ContainerImage -Name ""localhost/$Prefix-a:1""").Output);

            RunResult removed = session.Run(@"Get-ContainerImage -Name ""localhost/$Prefix-a:1"" | Remove-ContainerImage; [pscustomobject]@{ Name = ""localhost/$Prefix-b:1"" } | Remove-ContainerImage");
            removed.AssertNoErrors();
            Assert.Empty(session.Run(@"Get-ContainerImage -Name ""localhost/$Prefix-*""").AssertNoErrors().Output);
            Assert.Single(session.Run("Get-ContainerImage -Name $TestImage").AssertNoErrors().Output);

            RunResult missing = session.Run(@"Remove-ContainerImage -Name ""localhost/$Prefix-gone:1""");
            Assert.Null(missing.Terminating);
            ErrorRecord error = Assert.Single(missing.Errors);
            Assert.StartsWith("ImageNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }
    }
}
