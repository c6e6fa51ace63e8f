using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Registries;
using Xunit;

namespace Containers.PowerShell.Tests.Images
{
    /// <summary>
    /// Add-ContainerImageTag, Invoke-ImageBuild, Invoke-ImagePush, Invoke-ImagePull and Get-ContainerRegistryTag through
    /// PowerShell against the private engine and registry: the pipelines users write, binding by property name, and the
    /// ErrorRecords of a wrong password, a missing image and a missing build context. Every image is named under
    /// $TestRegistry/$Prefix-... so the session's disposal removes it.
    /// </summary>
    public sealed class ImagePushPullTests
    {
        [Fact]
        public async Task Tag_push_list_remove_and_pull_back_the_same_image()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult tagged = session.Run(@"Add-ContainerImageTag -Name $TestImage -Tag ""$TestRegistry/$Prefix-rt:1"" -PassThru").AssertNoErrors();
            PSObject image = tagged.Single();
            string id = (string)image.Properties["Id"].Value;
            Assert.Contains(session.Engine.Registry + "/" + session.Prefix + "-rt:1", (System.Collections.Generic.IEnumerable<string>)image.Properties["RepoTags"].Value);

            RunResult pushed = session.Run(@"Invoke-ImagePush -Name ""$TestRegistry/$Prefix-rt:1"" -Credential $Credential", RegistryLogin.Variables(session)).AssertNoErrors();
            Assert.StartsWith("sha256:", (string)pushed.Single().Properties["Digest"].Value);

            RunResult tags = session.Run(@"Get-ContainerRegistryTag -Name ""$TestRegistry/$Prefix-rt"" -Credential $Credential | ForEach-Object Tag").AssertNoErrors();
            Assert.Equal(new object[] { "1" }, tags.Output.Select(o => o.BaseObject).ToArray());

            session.Run(@"Remove-ContainerImage -Name ""$TestRegistry/$Prefix-rt:1"" -Confirm:$false").AssertNoErrors();
            RunResult pulled = session.Run(@"Invoke-ImagePull -Name ""$TestRegistry/$Prefix-rt:1"" -Credential $Credential").AssertNoErrors();
            Assert.Equal(id, (string)pulled.Single().Properties["Id"].Value);
        }

        [Fact]
        public async Task A_build_piped_into_a_push_pushes_the_built_image_with_the_stored_login()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string context = Context("FROM " + session.Engine.Image + "\nRUN echo built > /built\n");
            try
            {
                // The stored login (Connect-ContainerRegistry) is what the push uses: no -Credential here.
                session.Run("Connect-ContainerRegistry -Registry $TestRegistry -Credential $Credential | Out-Null", RegistryLogin.Variables(session)).AssertNoErrors();
                RunResult pushed = session.Run(@"Invoke-ImageBuild -Path $Context -Tag ""$TestRegistry/$Prefix-built:1"" | Invoke-ImagePush",
                    new System.Collections.Generic.Dictionary<string, object?> { ["Context"] = context }).AssertNoErrors();
                PSObject image = pushed.Single();
                Assert.StartsWith("sha256:", (string)image.Properties["Digest"].Value);
                Assert.Contains(session.Engine.Registry + "/" + session.Prefix + "-built:1", (System.Collections.Generic.IEnumerable<string>)image.Properties["RepoTags"].Value);

                RunResult tags = session.Run(@"Get-ContainerRegistryTag ""$TestRegistry/$Prefix-built"" | ForEach-Object Tag").AssertNoErrors();
                Assert.Equal(new object[] { "1" }, tags.Output.Select(o => o.BaseObject).ToArray());
            }
            finally
            {
                Directory.Delete(context, recursive: true);
            }
        }

        [Fact]
        public async Task Names_bind_by_property_name_from_objects_and_csv_rows()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                [pscustomobject]@{ ImageName = $TestImage } | Add-ContainerImageTag -Tag ""$TestRegistry/$Prefix-bind:1""
                [pscustomobject]@{ Reference = ""$TestRegistry/$Prefix-bind:1"" } | Invoke-ImagePush -Credential $Credential | Out-Null
                ""Repository`n$TestRegistry/$Prefix-bind"" | ConvertFrom-Csv | Get-ContainerRegistryTag -Credential $Credential | ForEach-Object { ""tag $($_.Tag)"" }
                Remove-ContainerImage -Name ""$TestRegistry/$Prefix-bind:1"" -Confirm:$false
                [pscustomobject]@{ ImageName = ""$TestRegistry/$Prefix-bind:1"" } | Invoke-ImagePull -Credential $Credential | ForEach-Object { ""pulled $($_.RepoTags -contains ""$TestRegistry/$Prefix-bind:1"")"" }",
                RegistryLogin.Variables(session)).AssertNoErrors();

            Assert.Equal(new object[] { "tag 1", "pulled True" }, result.Output.Select(o => o.BaseObject).ToArray());
        }

        [Fact]
        public async Task A_wrong_password_is_an_AuthenticationError_naming_the_image()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(@"Add-ContainerImageTag -Name $TestImage -Tag ""$TestRegistry/$Prefix-auth:1""").AssertNoErrors();
            RunResult push = session.Run(@"Invoke-ImagePush -Name ""$TestRegistry/$Prefix-auth:1"" -Credential $WrongCredential", RegistryLogin.Variables(session));
            RunResult pull = session.Run(@"Invoke-ImagePull -Name ""$TestRegistry/$Prefix-auth:1"" -Credential $WrongCredential");

            foreach (RunResult result in new[] { push, pull })
            {
                Assert.Empty(result.Output);
                ErrorRecord error = Assert.Single(result.Errors);
                Assert.StartsWith("RegistryAuthenticationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
                Assert.Equal(session.Engine.Registry + "/" + session.Prefix + "-auth:1", error.TargetObject);
                Assert.DoesNotContain(session.Engine.RegistryPassword, error.ToString(), StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task A_missing_image_is_reported_for_the_image_and_the_others_still_run()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult push = session.Run(@"Invoke-ImagePush -Name ""$TestRegistry/$Prefix-absent:1"" -Credential $Credential", RegistryLogin.Variables(session));
            ErrorRecord error = Assert.Single(push.Errors);
            Assert.StartsWith("ImageNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(session.Engine.Registry + "/" + session.Prefix + "-absent:1", error.TargetObject);

            RunResult pull = session.Run(@"Invoke-ImagePull -Name ""$TestRegistry/$Prefix-absent:1"", ""$TestRegistry/$Prefix-absent:2"" -Credential $Credential");
            Assert.Empty(pull.Output);
            Assert.Equal(2, pull.Errors.Count);
            Assert.All(pull.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
            Assert.Equal(new object[] { session.Engine.Registry + "/" + session.Prefix + "-absent:1", session.Engine.Registry + "/" + session.Prefix + "-absent:2" }, pull.Errors.Select(e => e.TargetObject).ToArray());
        }

        [Fact]
        public async Task A_missing_build_context_is_an_InvalidArgument_naming_the_path_and_sends_nothing()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string missing = Path.Combine(Path.GetTempPath(), "cps-absent-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            RunResult result = session.Run(@"Invoke-ImageBuild -Path $Missing -Tag ""localhost/$Prefix-never:1""; Get-ContainerImage -Name ""localhost/$Prefix-never*""",
                new System.Collections.Generic.Dictionary<string, object?> { ["Missing"] = missing });

            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("InvalidPath,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
        }

        /// <summary>A build context folder with the given Dockerfile.</summary>
        private static string Context(string dockerfile)
        {
            string folder = Path.Combine(Path.GetTempPath(), "cps-context-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
            return folder;
        }
    }
}
