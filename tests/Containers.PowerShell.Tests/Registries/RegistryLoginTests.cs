using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Registries
{
    /// <summary>
    /// Connect-, Get- and Disconnect-ContainerRegistry through PowerShell against the private registry, under the address
    /// localhost:PORT ($OtherAddress) so the login other tests use (under $TestRegistry) is never touched; and
    /// Find-ContainerImage, whose search the engine runs against the registry's v1 API, which a v2 registry lacks.
    /// </summary>
    public sealed class RegistryLoginTests
    {
        [Fact]
        public async Task Connect_stores_a_login_Get_shows_it_without_secrets_and_Disconnect_from_the_pipeline_removes_it()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult connected = session.Run("Connect-ContainerRegistry -Registry $OtherAddress -Credential $Credential", RegistryLogin.Variables(session)).AssertNoErrors();
            string address = (string)RegistryLogin.Variables(session)["OtherAddress"]!;
            Assert.Equal(address, connected.Single().Properties["ServerAddress"].Value);

            RunResult shown = session.Run("Get-ContainerRegistry -Registry $OtherAddress | ConvertTo-Json -Depth 3").AssertNoErrors();
            Assert.Contains(session.Engine.RegistryUser, shown.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(session.Engine.RegistryPassword, shown.Text, StringComparison.Ordinal);

            // -WhatIf removes nothing; the piped object (ServerAddress by property name) is what Disconnect removes.
            session.Run("Get-ContainerRegistry -Registry $OtherAddress | Disconnect-ContainerRegistry -WhatIf").AssertNoErrors();
            Assert.Single(session.Run("Get-ContainerRegistry -Registry $OtherAddress").AssertNoErrors().Output);
            RunResult removed = session.Run("Get-ContainerRegistry -Registry $OtherAddress | Disconnect-ContainerRegistry -PassThru").AssertNoErrors();
            Assert.Equal(address, removed.Single().Properties["ServerAddress"].Value);

            RunResult gone = session.Run("[pscustomobject]@{ ServerAddress = $OtherAddress } | Get-ContainerRegistry");
            Assert.Empty(gone.Output);
            ErrorRecord error = Assert.Single(gone.Errors);
            Assert.StartsWith("RegistryLoginNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(address, error.TargetObject);
        }

        [Fact]
        public async Task A_wrong_password_is_refused_as_an_AuthenticationError_and_nothing_is_stored()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult refused = session.Run("Connect-ContainerRegistry -Registry $OtherAddress -Credential $WrongCredential", RegistryLogin.Variables(session));
            string address = (string)RegistryLogin.Variables(session)["OtherAddress"]!;

            Assert.Empty(refused.Output);
            Assert.Null(refused.Terminating); // that registry's error: one piped after it is still tried
            ErrorRecord error = Assert.Single(refused.Errors);
            Assert.StartsWith("RegistryCredentialsRejected,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal(address, error.TargetObject);
            Assert.DoesNotContain(session.Engine.RegistryPassword, error.ToString(), StringComparison.Ordinal);

            RunResult stored = session.Run("Get-ContainerRegistry | Where-Object ServerAddress -eq $OtherAddress").AssertNoErrors();
            Assert.Empty(stored.Output);
        }

        [Fact]
        public async Task An_unreachable_registry_in_the_pipeline_is_its_own_error_and_the_next_is_still_logged_in()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string address = (string)RegistryLogin.Variables(session)["OtherAddress"]!;
            try
            {
                // Nothing listens on port 1 of loopback: the connection is refused at once.
                RunResult result = session.Run("'127.0.0.1:1', $OtherAddress | Connect-ContainerRegistry -Credential $Credential", RegistryLogin.Variables(session));

                Assert.Null(result.Terminating);
                ErrorRecord error = Assert.Single(result.Errors);
                Assert.StartsWith("RegistryUnreachable,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
                Assert.Equal("127.0.0.1:1", error.TargetObject);
                Assert.Equal(address, result.Single().Properties["ServerAddress"].Value);
            }
            finally
            {
                session.Run("Disconnect-ContainerRegistry -Registry $OtherAddress -ErrorAction SilentlyContinue");
            }
        }

        [Fact]
        public async Task The_login_and_tag_tables_show_the_registry_the_user_and_the_tags_at_80_columns()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string address = (string)RegistryLogin.Variables(session)["OtherAddress"]!;
            session.Run("Connect-ContainerRegistry -Registry $OtherAddress -Credential $Credential | Out-Null", RegistryLogin.Variables(session)).AssertNoErrors();
            try
            {
                string logins = session.Run("Get-ContainerRegistry -Registry $OtherAddress | Out-String -Width 80").AssertNoErrors().Text;
                Assert.Contains(address, logins, StringComparison.Ordinal);
                Assert.Contains(session.Engine.RegistryUser, logins, StringComparison.Ordinal);
                Assert.DoesNotContain(session.Engine.RegistryPassword, logins, StringComparison.Ordinal);

                // Pushed with the login just stored under this address, then listed as the table renders it.
                string tags = session.Run(@"
                    Add-ContainerImageTag -Name $TestImage -Tag ""$OtherAddress/$Prefix-view:1"", ""$OtherAddress/$Prefix-view:2""
                    Invoke-ImagePush -Name ""$OtherAddress/$Prefix-view:1"", ""$OtherAddress/$Prefix-view:2"" | Out-Null
                    Get-ContainerRegistryTag -Name ""$OtherAddress/$Prefix-view"" | Out-String -Width 80").AssertNoErrors().Text;
                string[] rows = tags.Split('\n').Where(line => line.Contains(session.Prefix + "-view", StringComparison.Ordinal)).Select(line => line.TrimEnd()).ToArray();
                // One row per tag, the whole repository then the tag (in the registry's order).
                Assert.Equal(
                    new[] { address + "/" + session.Prefix + "-view 1", address + "/" + session.Prefix + "-view 2" },
                    rows.Select(row => string.Join(" ", row.Split(' ', StringSplitOptions.RemoveEmptyEntries))).OrderBy(row => row, StringComparer.Ordinal));
            }
            finally
            {
                session.Run("Disconnect-ContainerRegistry -Registry $OtherAddress").AssertNoErrors();
            }
        }

        [Fact]
        public async Task Disconnecting_a_registry_without_a_login_is_ObjectNotFound()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"Disconnect-ContainerRegistry -Registry ""$Prefix.example:5000""");

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("RegistryLoginNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(session.Prefix + ".example:5000", error.TargetObject);
        }

        [Fact]
        public async Task Find_ContainerImage_against_the_v2_registry_reports_the_engines_failure_and_points_to_the_tag_list()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"[pscustomobject]@{ Term = ""$TestRegistry/busybox"" } | Find-ContainerImage");

            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ImageSearchFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(session.Engine.Registry + "/busybox", error.TargetObject);
            Assert.Contains("Get-ContainerRegistryTag", error.ErrorDetails?.RecommendedAction ?? string.Empty, StringComparison.Ordinal);
        }
    }
}
