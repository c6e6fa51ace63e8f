using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Hosts
{
    /// <summary>
    /// What New-ContainerHost does before it makes anything: -WhatIf of the Azure driver (no Azure call), and the
    /// parameters one driver refuses because they belong to another. Nothing here reaches Azure or a machine.
    /// </summary>
    public sealed class NewContainerHostRefusalTests
    {
        // The Azure driver's parameters with a token given, so that no sign-in is tried; 203.0.113.0/24 is a documentation range.
        private const string AzureParameters =
            "-Driver Azure -SubscriptionId 00000000-0000-0000-0000-000000000001 -Location westeurope -Size Standard_B2s -AllowedSourceAddress 203.0.113.0/24 -AccessToken not-a-real-token";

        [Fact]
        public async Task Azure_WhatIf_writes_the_plan_with_its_templates_to_the_verbose_stream_and_makes_nothing()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            var variables = new Dictionary<string, object?> { ["HostName"] = session.Prefix + "-az" };

            RunResult planned = session.Run("New-ContainerHost -Name $HostName " + AzureParameters + " -WhatIf -Verbose", variables).AssertNoErrors();

            Assert.Empty(planned.Output);
            string[] steps = planned.Verbose.Where(message => message.StartsWith(session.Prefix + "-az, step ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(8, steps.Length);
            Assert.StartsWith(session.Prefix + "-az, step 1 of 8, ", steps[0], StringComparison.Ordinal);
            string network = Assert.Single(steps, step => step.Contains("\"Microsoft.Network/networkSecurityGroups\"", StringComparison.Ordinal));
            Assert.Contains("\"sourceAddressPrefixes\":[\"203.0.113.0/24\"]", network, StringComparison.Ordinal);
            string machine = Assert.Single(steps, step => step.Contains("\"Microsoft.Compute/virtualMachines\"", StringComparison.Ordinal));
            Assert.Contains("\"vmSize\":\"Standard_B2s\"", machine, StringComparison.Ordinal);
            Assert.DoesNotContain(planned.Verbose, message => message.Contains("not-a-real-token", StringComparison.Ordinal) || message.Contains("PRIVATE KEY", StringComparison.Ordinal));
            AssertNoHost(session, variables);
        }

        [Fact]
        public async Task Azure_WhatIf_shows_the_resources_and_templates_on_the_console_of_a_pwsh()
        {
            // What a user at a console sees: the "What if:" line, which only the host prints (no stream carries it).
            string name = "psaz" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Pwsh.Outcome run = await Pwsh.RunAsync("New-ContainerHost -Name " + name + " " + AzureParameters + " -WhatIf; Get-ContainerHost -Name " + name + " -ErrorAction SilentlyContinue -ErrorVariable e; $e[0].FullyQualifiedErrorId");

            Assert.True(run.ExitCode == 0, run.Error);
            string whatIf = Assert.Single(run.Output.Split('\n'), line => line.StartsWith("What if:", StringComparison.Ordinal));
            Assert.Contains("Create a Azure host in 8 steps", whatIf, StringComparison.Ordinal);
            Assert.Contains("\"type\":\"Microsoft.Network/networkSecurityGroups\"", whatIf, StringComparison.Ordinal);
            Assert.Contains("\"type\":\"Microsoft.Compute/virtualMachines\"", whatIf, StringComparison.Ordinal);
            Assert.Contains("203.0.113.0/24", whatIf, StringComparison.Ordinal);
            Assert.DoesNotContain("not-a-real-token", run.Output, StringComparison.Ordinal);
            Assert.Contains("ContainerHostNotFound,", run.Output, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("-Driver Ssh", "InvalidAddress", null)]
        [InlineData("-Driver Local -Address 10.0.0.1", "InvalidAddress", "10.0.0.1")]
        [InlineData("-Driver Local -User admin", "InvalidAddress", null)]
        [InlineData("-Driver Azure -SubscriptionId 00000000-0000-0000-0000-000000000001 -AccessToken t -Address 10.0.0.1", "InvalidAddress", "10.0.0.1")]
        [InlineData("-Driver Local -SubscriptionId 00000000-0000-0000-0000-000000000001", "InvalidSubscriptionId", null)]
        [InlineData("-Driver Ssh -Address 192.0.2.1 -Location westeurope", "InvalidLocation", null)]
        [InlineData("-AllowedSourceAddress 203.0.113.0/24", "InvalidAllowedSourceAddress", null)]
        public async Task A_parameter_of_another_driver_is_refused_as_InvalidArgument_and_nothing_is_made(string parameters, string errorId, string? target)
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            var variables = new Dictionary<string, object?> { ["HostName"] = session.Prefix + "-refused" };

            RunResult refused = session.Run("New-ContainerHost -Name $HostName " + parameters, variables);

            Assert.Empty(refused.Output);
            ErrorRecord error = refused.Terminating ?? Assert.Single(refused.Errors);
            Assert.Equal(errorId + ",Containers.PowerShell.Cmdlets.Hosts.NewContainerHostCmdlet", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(target, error.TargetObject as string);
            AssertNoHost(session, variables);
        }

        private static void AssertNoHost(ModuleSession session, Dictionary<string, object?> variables)
        {
            RunResult lookup = session.Run("Get-ContainerHost -Name $HostName", variables);
            Assert.Empty(lookup.Output);
            Assert.StartsWith("ContainerHostNotFound,", Assert.Single(lookup.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        }
    }
}
