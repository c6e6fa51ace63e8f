using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Registries;
using Xunit;

namespace Containers.PowerShell.Tests.Dsc
{
    /// <summary>
    /// The ContainerImage resource through the DSC adapter's steps: pulled from the private registry with the login the
    /// test engine stored for it, removed by Absent.
    /// </summary>
    public sealed class ContainerImageResourceTests
    {
        [Fact]
        public async Task Set_pulls_a_missing_image_with_the_stored_login_once_and_Absent_removes_it()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            // The test image in the registry under a name of this test's own, and not on the engine; the login the pull
            // uses stored by the ContainerRegistryLogin resource (it stays: other tests use the same one).
            session.Run(@"
                (New-DscResource ContainerRegistryLogin @{ Registry = $TestRegistry; Credential = $Credential }).Set()
                Add-ContainerImageTag -Name $TestImage -Tag ""$TestRegistry/$Prefix-img:1""
                Invoke-ImagePush -Name ""$TestRegistry/$Prefix-img:1"" | Out-Null
                Remove-ContainerImage -Name ""$TestRegistry/$Prefix-img:1"" | Out-Null
                $VerbosePreference = 'Continue'
                $image = New-DscResource ContainerImage @{ Name = ""$TestRegistry/$Prefix-img:1"" }", RegistryLogin.Variables(session)).AssertNoErrors();

            RunResult before = session.Run("$image.Test(); $image.Get().Ensure").AssertNoErrors();
            Assert.Equal(new object[] { false, "Absent" }, before.Output.Select(item => item.BaseObject is bool ? item.BaseObject : item.ToString()).ToArray());

            RunResult set = session.Run("$image.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.StartsWith("Pulling image", StringComparison.Ordinal));
            string id = (string)session.Run("$image.Get().Id").AssertNoErrors().Single().BaseObject;
            Assert.Equal(session.Run("(Get-ContainerImageDetail -Name $TestImage).Id").AssertNoErrors().Single().BaseObject, id);
            Assert.True((bool)session.Run("$image.Test()").AssertNoErrors().Single().BaseObject);

            RunResult again = session.Run("$image.Set()").AssertNoErrors();
            Assert.DoesNotContain(again.Verbose, line => line.StartsWith("Pulling", StringComparison.Ordinal));

            // The same image named by its digest (repository@sha256:...) is present too.
            RunResult byDigest = session.Run(@"
                $digest = (Get-ContainerImageDetail -Name ""$TestRegistry/$Prefix-img:1"").RepoDigests | Where-Object { $_ -like ""$TestRegistry/$Prefix-img@*"" }
                $pinned = New-DscResource ContainerImage @{ Name = $digest }
                $pinned.Test(); $pinned.Get().Id").AssertNoErrors();
            Assert.Equal(new object[] { true, id }, byDigest.Output.Select(item => item.BaseObject).ToArray());

            RunResult removed = session.Run("$image.Ensure = 'Absent'; $image.Test(); $image.Set(); $image.Test()").AssertNoErrors();
            Assert.Equal(new object[] { false, true }, removed.Output.Select(item => item.BaseObject).ToArray());
            Assert.Contains(removed.Verbose, line => line.StartsWith("Removing image", StringComparison.Ordinal));
            Assert.Empty(session.Run(@"Get-ContainerImage -Name ""$TestRegistry/$Prefix-img*""").AssertNoErrors().Output);
            // Only the name went: the test image it shared layers with is still there.
            Assert.Single(session.Run("Get-ContainerImage -Name $TestImage").AssertNoErrors().Output);
        }

        [Fact]
        public async Task An_image_the_registry_lacks_is_a_terminating_error_with_the_modules_id()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            RunResult refused = session.Run(@"
                (New-DscResource ContainerRegistryLogin @{ Registry = $TestRegistry; Credential = $Credential }).Set()
                (New-DscResource ContainerImage @{ Name = ""$TestRegistry/$Prefix-missing:1"" }).Set()", RegistryLogin.Variables(session));

            Assert.NotNull(refused.Terminating);
            Assert.Matches("^(ImageNotFound|RegistryRepositoryNotFound),", refused.Terminating!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, refused.Terminating.CategoryInfo.Category);
        }
    }
}
