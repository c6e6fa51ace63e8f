using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Hosts
{
    /// <summary>
    /// A host of the Local driver (a dockerd of its own on this machine, with TLS) through its whole life, as a user types
    /// it: one host for the whole test, since each start of its engine costs seconds. The host store is this run's own
    /// (CONTAINERS_HOST_STORE, set by the test engine fixture), never the user's.
    /// </summary>
    public sealed class LocalHostLifeTests
    {
        [Fact]
        public async Task A_local_host_is_made_reached_stopped_started_restarted_given_a_new_certificate_and_removed()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string name = session.Prefix + "-local";
            var variables = new System.Collections.Generic.Dictionary<string, object?> { ["HostName"] = name };
            try
            {
                PSObject made = session.Run("New-ContainerHost -Name $HostName -Driver Local", variables).AssertNoErrors().Single();
                Assert.Equal("Containers.Models.ContainerHost", made.BaseObject.GetType().FullName);
                Assert.Equal(name, made.Properties["Name"].Value);
                Assert.Equal("Running", made.Properties["State"].Value.ToString());
                Assert.Matches(@"^tcp://127\.0\.0\.1:\d+$", (string)made.Properties["Url"].Value);

                // The table at 80 columns names the host whole and says it runs.
                string table = session.Run("Get-ContainerHost -Name $HostName | Out-String -Width 80", variables).AssertNoErrors().Text;
                Assert.Contains(name, table, StringComparison.Ordinal);
                Assert.Contains("Running", table, StringComparison.Ordinal);

                // A piped host is the engine the container cmdlets talk to: a new engine has no container, and its
                // name is not taken for a container name filter.
                RunResult listed = session.Run("Get-ContainerHost $HostName | Get-Container -All", variables).AssertNoErrors();
                Assert.Empty(listed.Output);
                RunResult made2 = session.Run("Get-ContainerHost $HostName | Get-ContainerNetwork | ForEach-Object Name", variables).AssertNoErrors();
                Assert.Contains("none", made2.Output.Select(item => (string)item.BaseObject));

                // Stop and start bind a piped host by its Name; -PassThru returns its new state.
                session.Run("Get-ContainerHost -Name $HostName | Stop-ContainerHost", variables).AssertNoErrors();
                Assert.Equal("Stopped", session.Run("(Get-ContainerHost -Name $HostName).State.ToString()", variables).AssertNoErrors().Single().BaseObject);
                Assert.Equal("Running", session.Run("(Get-ContainerHost -Name $HostName | Start-ContainerHost -PassThru).State.ToString()", variables).AssertNoErrors().Single().BaseObject);
                Assert.Equal("Running", session.Run("(Restart-ContainerHost -Name $HostName -PassThru).State.ToString()", variables).AssertNoErrors().Single().BaseObject);

                // -WhatIf asks and changes nothing: the engine keeps running.
                session.Run("Stop-ContainerHost -Name $HostName -WhatIf", variables).AssertNoErrors();
                Assert.Equal("Running", session.Run("(Get-ContainerHost -Name $HostName).State.ToString()", variables).AssertNoErrors().Single().BaseObject);

                // A new certificate for another loopback address: the host answers there, with TLS.
                PSObject moved = session.Run("Update-ContainerHostCertificate -Name $HostName -Address 127.0.0.2 -PassThru", variables).AssertNoErrors().Single();
                Assert.Matches(@"^tcp://127\.0\.0\.2:\d+$", (string)moved.Properties["Url"].Value);
                Assert.Equal("Running", moved.Properties["State"].Value.ToString());
                Assert.Equal(true, session.Run("Test-ContainerEngine -Engine $HostName", variables).AssertNoErrors().Single().BaseObject);

                // Remove -WhatIf keeps it; -Force removes it without asking, and it is then not found.
                session.Run("Remove-ContainerHost -Name $HostName -WhatIf", variables).AssertNoErrors();
                Assert.Single(session.Run("Get-ContainerHost -Name $HostName", variables).AssertNoErrors().Output);
                session.Run("Remove-ContainerHost -Name $HostName -Force", variables).AssertNoErrors();
                RunResult gone = session.Run("Get-ContainerHost -Name $HostName", variables);
                ErrorRecord notFound = Assert.Single(gone.Errors);
                Assert.StartsWith("ContainerHostNotFound,", notFound.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
                Assert.Equal(name, notFound.TargetObject);
                Assert.Empty(session.Run("Get-ContainerHost -Name \"$HostName*\"", variables).AssertNoErrors().Output);
            }
            finally
            {
                // Whatever failed above: the host's engine must not outlive the test.
                session.Run("Remove-ContainerHost -Name $HostName -Force -ErrorAction SilentlyContinue", variables);
            }
        }
    }
}
