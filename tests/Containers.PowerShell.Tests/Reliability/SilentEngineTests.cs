using System.Diagnostics;
using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Reliability
{
    /// <summary>
    /// The streaming cmdlets against an address that accepts connections and never says a word (a frozen engine, a
    /// port forwarded to nothing): each ends within the engine's response timeout with EngineTimeout (OperationTimeout)
    /// naming the address, writes nothing and leaves no file. Streams are exempt from the timeout only once their head
    /// has arrived; here none ever does.
    /// </summary>
    public sealed class SilentEngineTests
    {
        // A loaded 2-core machine can hold a thread for seconds; a hang holds it for 30 s (the default limit) or more.
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(6);

        [Theory]
        [InlineData("Get-ContainerLog -Name web -Follow")]
        [InlineData("Get-ContainerEvent -Follow")]
        [InlineData("Get-ContainerStatistics -Name web -Stream")]
        [InlineData("Invoke-ImagePull -Name 127.0.0.1:5000/team/app:1")]
        [InlineData("Export-Container -Name web -Path (Join-Path $Folder rootfs.tar)")]
        public async Task A_streaming_cmdlet_against_an_engine_that_never_answers_ends_within_its_ResponseTimeout(string command)
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            using var silent = new SilentTcpServer();
            using var folder = new TemporaryFolder();
            var variables = new Dictionary<string, object?> { ["Address"] = silent.Uri, ["Folder"] = folder.Path };
            // Refused (the engine never answers its ping), but it gives the address its limit of 1 second for this process.
            session.Run("Connect-ContainerEngine -Uri $Address -ResponseTimeout 1 -ErrorAction SilentlyContinue", variables);

            var clock = Stopwatch.StartNew();
            RunResult result = session.Run(command + " -Engine $Address", variables);

            Assert.True(clock.Elapsed < Bound, $"{command} took {clock.Elapsed} against an engine that never answers");
            ErrorRecord error = result.Terminating ?? Assert.Single(result.Errors);
            Assert.True(error.FullyQualifiedErrorId.StartsWith("EngineTimeout,", StringComparison.Ordinal) && error.CategoryInfo.Category == ErrorCategory.OperationTimeout,
                $"{command}: {result.Describe()}");
            Assert.Contains(silent.Uri, error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(result.Output);
            Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        }
    }
}
