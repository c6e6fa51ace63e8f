using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Engines
{
    /// <summary>
    /// Connect-ContainerEngine -ResponseTimeout as a user types it: an address that accepts connections and never answers
    /// ends Connect-ContainerEngine, Get-Container and Test-ContainerEngine within the limit (EngineTimeout,
    /// OperationTimeout, naming the address and the limit; $false from Test-ContainerEngine), and a value out of range is a
    /// named InvalidArgument error that leaves the session as it was.
    /// </summary>
    public sealed class ResponseTimeoutCmdletTests
    {
        // A loaded 2-core machine can hold a thread for seconds; a hang would hold it for 30 s (the default) or more.
        private static readonly TimeSpan Margin = TimeSpan.FromSeconds(6);

        [Fact]
        public async Task A_silent_address_ends_Connect_Get_Container_and_Test_ContainerEngine_within_the_ResponseTimeout()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            // A listener that never accepts: the kernel completes every connection, and nothing ever answers.
            var silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            try
            {
                string address = "tcp://127.0.0.1:" + ((IPEndPoint)silent.LocalEndpoint).Port;
                TimeSpan bound = TimeSpan.FromSeconds(2) + Margin;

                var clock = Stopwatch.StartNew();
                RunResult connect = session.Run($"Connect-ContainerEngine -Uri {address} -ResponseTimeout 2; (Get-ContainerEngine).Source");
                Assert.True(clock.Elapsed < bound, $"Connect-ContainerEngine took {clock.Elapsed}");
                AssertTimeout(Assert.Single(connect.Errors), address);
                Assert.Equal("DOCKER_HOST", Assert.Single(connect.Output).BaseObject); // the session kept its engine

                // The address names the engine this process made for it, with the limit it was given.
                clock.Restart();
                RunResult list = session.Run($"Get-Container -Engine {address}");
                Assert.True(clock.Elapsed < bound, $"Get-Container took {clock.Elapsed}");
                AssertTimeout(Assert.Single(list.Errors), address);
                Assert.Empty(list.Output);

                clock.Restart();
                RunResult test = session.Run($"Test-ContainerEngine -Engine {address} -Verbose").AssertNoErrors();
                Assert.True(clock.Elapsed < bound, $"Test-ContainerEngine took {clock.Elapsed}");
                Assert.Equal(false, Assert.Single(test.Output).BaseObject);
                Assert.Contains(test.Verbose, line => line.Contains("did not answer", StringComparison.Ordinal));
            }
            finally
            {
                silent.Stop();
            }
        }

        [Fact]
        public async Task ResponseTimeout_takes_seconds_or_a_TimeSpan_and_is_30_seconds_unless_given()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                foreach ($limit in 7, 1.5, '45', '00:01:30', (New-TimeSpan -Minutes 60)) {
                    Connect-ContainerEngine -Uri $TestDockerHost -ResponseTimeout $limit -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Connecting to*' } | ForEach-Object Message
                }
                Connect-ContainerEngine -Uri $TestDockerHost -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Connecting to*' } | ForEach-Object Message
                (Get-Container -All | Measure-Object).Count -ge 0", Variables(session)).AssertNoErrors();

            string[] lines = result.Output.Select(item => item.BaseObject.ToString()!).ToArray();
            Assert.Equal(7, lines.Length);
            string[] expected = { "7", "1.5", "45", "90", "3600", "30" };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Contains($"wait up to {expected[i]} seconds", lines[i], StringComparison.Ordinal);
            }

            Assert.Equal("True", lines[6]); // the engine connected last (default limit) serves the session
        }

        [Fact]
        public async Task A_ResponseTimeout_out_of_range_is_InvalidResponseTimeout_and_changes_nothing()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                foreach ($limit in 0, -5, 0.5, '1e99', 3601, (New-TimeSpan -Hours 2), [TimeSpan]::Zero) {
                    Connect-ContainerEngine -Uri tcp://127.0.0.1:1 -ResponseTimeout $limit
                }
                (Get-ContainerEngine).Source");

            Assert.Equal(7, result.Errors.Count);
            foreach (ErrorRecord error in result.Errors)
            {
                Assert.StartsWith("InvalidResponseTimeout", error.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
                Assert.Contains("out of range", error.Exception.Message, StringComparison.Ordinal);
            }

            Assert.Contains("(0 seconds)", result.Errors[0].Exception.Message, StringComparison.Ordinal);
            Assert.Contains("(-5 seconds)", result.Errors[1].Exception.Message, StringComparison.Ordinal);
            Assert.Contains("(0.5 seconds)", result.Errors[2].Exception.Message, StringComparison.Ordinal);
            Assert.Contains("(3601 seconds)", result.Errors[4].Exception.Message, StringComparison.Ordinal);
            Assert.Equal("DOCKER_HOST", Assert.Single(result.Output).BaseObject); // nothing contacted, nothing changed
        }

        private static void AssertTimeout(ErrorRecord error, string address)
        {
            Assert.StartsWith("EngineTimeout", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains(address, error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("2 seconds", error.Exception.Message, StringComparison.Ordinal);
        }

        private static Dictionary<string, object?> Variables(ModuleSession session) =>
            new Dictionary<string, object?> { ["TestDockerHost"] = session.Engine.DockerHost };
    }
}
