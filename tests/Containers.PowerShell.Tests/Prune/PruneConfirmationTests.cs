using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Prune
{
    /// <summary>
    /// Every prune asks, as docker does, unless -Force or -Confirm:$false; where nobody can answer (a hosted runspace,
    /// pwsh -NonInteractive) it removes nothing and says why. Each prune is narrowed by a label of this test's own, since
    /// other tests share the engine; the test image carries no such label, so it is never pruned.
    /// </summary>
    public sealed class PruneConfirmationTests
    {
        private const string RefusedId = "PruneConfirmationRequired";

        [Fact]
        public async Task In_a_hosted_runspace_each_prune_removes_nothing_and_names_Force_and_Confirm()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(@"
                $label = ""containers.test.prune=$Prefix""
                New-ContainerVolume -Name ""$Prefix-vol"" -Label @{ 'containers.test.prune' = $Prefix } | Out-Null
                New-ContainerNetwork -Name ""$Prefix-net"" -Label @{ 'containers.test.prune' = $Prefix } | Out-Null
                New-Container -Image $TestImage -Name ""$Prefix-ctr"" -Label @{ 'containers.test.prune' = $Prefix } -Command true | Out-Null").AssertNoErrors();

            foreach (string prune in new[]
            {
                "Remove-ContainerVolume -Unused -All -Label $label",
                "Remove-ContainerNetwork -Unused -Label $label",
                "Remove-Container -Stopped -Label $label",
                "Remove-ContainerImage -Unused -All -Label $label",
            })
            {
                RunResult refused = session.Run(prune);
                Assert.Null(refused.Terminating);
                ErrorRecord error = Assert.Single(refused.Errors);
                Assert.StartsWith(RefusedId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
                Assert.Equal(session.Engine.DockerHost, error.TargetObject);
                Assert.StartsWith("Nothing was removed", error.ToString(), StringComparison.Ordinal);
                Assert.Contains("'Default Host' cannot prompt", error.ToString(), StringComparison.Ordinal);
                Assert.Contains("-Force", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
                Assert.Contains("-Confirm:$false", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
                Assert.Empty(refused.Output);
            }

            RunResult kept = session.Run(@"
                (Get-ContainerVolume -Name ""$Prefix-vol"").Name
                (Get-ContainerNetwork -Name ""$Prefix-net"").Name
                (Get-Container -All -Name ""$Prefix-ctr"").Name").AssertNoErrors();
            Assert.Equal(new object[] { session.Prefix + "-vol", session.Prefix + "-net", session.Prefix + "-ctr" }, kept.Output.Select(o => o.BaseObject).ToArray());

            // -WhatIf only describes, and asks nothing.
            session.Run("Remove-ContainerVolume -Unused -All -Label $label -WhatIf").AssertNoErrors();

            // -Force and -Confirm:$false remove without asking, and only what carries the label.
            RunResult volumes = session.Run("Remove-ContainerVolume -Unused -All -Label $label -Force").AssertNoErrors();
            Assert.Equal(new[] { session.Prefix + "-vol" }, (string[])volumes.Single().Properties["Removed"].Value);
            RunResult networks = session.Run("Remove-ContainerNetwork -Unused -Label $label -Confirm:$false").AssertNoErrors();
            Assert.Equal(new[] { session.Prefix + "-net" }, (string[])networks.Single().Properties["Removed"].Value);
            RunResult containers = session.Run("Remove-Container -Stopped -Label $label -Force").AssertNoErrors();
            Assert.Single((string[])containers.Single().Properties["Removed"].Value);
            Assert.Empty(session.Run(@"Get-Container -All -Name ""$Prefix-ctr*""").AssertNoErrors().Output);
            Assert.Single(session.Run("Get-ContainerImage -Name $TestImage").AssertNoErrors().Output);
        }

        [Fact]
        public async Task An_image_prune_with_Force_removes_only_the_labelled_image_never_the_test_image()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string context = Directory.CreateTempSubdirectory("prune-build").FullName;
            try
            {
                File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {session.Engine.Image}\nLABEL containers.test.prune={session.Prefix}\n");
                session.Run(@"Invoke-ImageBuild -Path $context -Tag ""$Prefix-img:1"" | Out-Null", new System.Collections.Generic.Dictionary<string, object?> { ["context"] = context }).AssertNoErrors();

                RunResult refused = session.Run(@"Remove-ContainerImage -Unused -All -Label ""containers.test.prune=$Prefix""");
                Assert.StartsWith(RefusedId, Assert.Single(refused.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Single(session.Run(@"Get-ContainerImage -Name ""$Prefix-img:1""").AssertNoErrors().Output);

                RunResult pruned = session.Run(@"Remove-ContainerImage -Unused -All -Label ""containers.test.prune=$Prefix"" -Force").AssertNoErrors();
                Assert.Contains(session.Prefix + "-img:1", (string[])pruned.Single().Properties["Untagged"].Value);
                Assert.Empty(session.Run(@"Get-ContainerImage -Name ""$Prefix-img*""").AssertNoErrors().Output);
                Assert.Single(session.Run("Get-ContainerImage -Name $TestImage").AssertNoErrors().Output);
            }
            finally
            {
                Directory.Delete(context, true);
            }
        }

        [Fact]
        public async Task Under_pwsh_NonInteractive_a_prune_fails_without_a_prompt_and_Force_goes_ahead()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(@"New-ContainerVolume -Name ""$Prefix-vol"" -Label @{ 'containers.test.prune' = $Prefix } | Out-Null").AssertNoErrors();
            string label = "containers.test.prune=" + session.Prefix;

            Pwsh.Outcome refused = await Pwsh.RunAsync($"Remove-ContainerVolume -Unused -All -Label '{label}'");
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("Nothing was removed", refused.Error, StringComparison.Ordinal);
            Assert.Contains("NonInteractive", refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("[Y] Yes", refused.Output + refused.Error, StringComparison.Ordinal);
            Assert.Single(session.Run(@"Get-ContainerVolume -Name ""$Prefix-vol""").AssertNoErrors().Output);

            Pwsh.Outcome caught = await Pwsh.RunAsync($"try {{ Remove-ContainerVolume -Unused -All -Label '{label}' -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId }}");
            Assert.StartsWith(RefusedId + ",", caught.Output.Trim(), StringComparison.Ordinal);

            Pwsh.Outcome forced = await Pwsh.RunAsync($"(Remove-ContainerVolume -Unused -All -Label '{label}' -Force).Removed");
            Assert.Equal(0, forced.ExitCode);
            Assert.Equal(session.Prefix + "-vol", forced.Output.Trim());
            Assert.Empty(session.Run(@"Get-ContainerVolume -Name ""$Prefix-vol*""").AssertNoErrors().Output);
        }
    }
}
