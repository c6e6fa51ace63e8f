using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Completion
{
    /// <summary>
    /// Tab completion as PowerShell computes it (TabExpansion2), with containers in known states, contexts written into
    /// this test process's DOCKER_CONFIG and hosts into its CONTAINERS_HOST_STORE (both folders of this run only).
    /// </summary>
    public sealed class CompletionTests
    {
        private static IReadOnlyList<string> Texts(IEnumerable<CompletionResult> results) => results.Select(result => result.CompletionText).ToList();

        [Fact]
        public async Task Start_offers_stopped_containers_Stop_and_Suspend_running_ones_and_Resume_paused_ones()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string p = session.Prefix;
            session.Run(@"
                New-Container -Image $TestImage -Name ""$Prefix-created"" -Command true | Out-Null
                New-Container -Image $TestImage -Name ""$Prefix-exited"" -Command true | Start-Container -PassThru | Wait-Container | Out-Null
                New-Container -Image $TestImage -Name ""$Prefix-running"" -Command sleep, 600 | Start-Container
                New-Container -Image $TestImage -Name ""$Prefix-paused"" -Command sleep, 600 | Start-Container -PassThru | Suspend-Container").AssertNoErrors();

            Assert.Equal(new[] { $"{p}-created", $"{p}-exited" }, Texts(session.Complete($"Start-Container -Name {p}-")));
            Assert.Equal(new[] { $"{p}-paused", $"{p}-running" }, Texts(session.Complete($"Stop-Container -Name {p}-")));
            Assert.Equal(new[] { $"{p}-running" }, Texts(session.Complete($"Suspend-Container -Name {p}-")));
            Assert.Equal(new[] { $"{p}-paused" }, Texts(session.Complete($"Resume-Container {p}-")));
            Assert.Equal(new[] { $"{p}-created", $"{p}-exited", $"{p}-paused", $"{p}-running" }, Texts(session.Complete($"Remove-Container -Name {p}-")));

            // The tooltip says the state, so the menu explains the choice.
            CompletionResult running = Assert.Single(session.Complete($"Stop-Container -Name {p}-r"));
            Assert.Contains("Up", running.ToolTip, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Names_typed_already_in_the_same_argument_are_not_offered_again()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string p = session.Prefix;
            session.Run(@"'a', 'b', 'c' | ForEach-Object { New-Container -Image $TestImage -Name ""$Prefix-$_"" -Command true } | Out-Null").AssertNoErrors();

            Assert.Equal(new[] { $"{p}-b", $"{p}-c" }, Texts(session.Complete($"Start-Container -Name {p}-a, {p}-")));
            Assert.Equal(new[] { $"{p}-c" }, Texts(session.Complete($"Remove-Container {p}-b, {p}-a, {p}-")));
            Assert.Equal(new[] { $"{p}-b" }, Texts(session.Complete($"Get-Container -Name:{p}-a, {p}-c, {p}-")));

            // The word being completed is not "typed already", even when it is a whole name.
            Assert.Equal(new[] { $"{p}-a" }, Texts(session.Complete($"Start-Container -Name {p}-a")));
        }

        [Fact]
        public async Task Engine_completes_hosts_and_docker_contexts_and_Context_only_contexts()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string p = session.Prefix;
            string context = p + "-ctx";
            string host = p + "-host";
            WriteContext(context, session.Engine.DockerHost);
            HostRecords.Write(HostStoreRoot, host);
            try
            {
                CompletionResult[] engine = session.Complete($"Get-Container -Engine {p}").ToArray();
                Assert.Equal(new[] { context, host }, Texts(engine));
                Assert.Contains("docker context", engine[0].ToolTip, StringComparison.Ordinal);
                Assert.Contains("host in", engine[1].ToolTip, StringComparison.Ordinal);

                Assert.Equal(new[] { context }, Texts(session.Complete($"Connect-ContainerEngine -Context {p}")));
                Assert.Contains("default", Texts(session.Complete("Connect-ContainerEngine -Context def")));

                // And the completed name works.
                session.Run($"Get-Container -Engine {context} -All -Name '{p}*'").AssertNoErrors();
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(ContextMetaFile(context))!, true);
                Directory.Delete(Path.Combine(HostStoreRoot, "hosts", host), true);
            }
        }

        [Fact]
        public async Task Driver_and_Platform_complete_their_values_the_engines_own_platform_first()
        {
            using ModuleSession session = await ModuleSession.StartAsync();

            Assert.Equal(new[] { "bridge", "host", "none", "overlay", "macvlan", "ipvlan" }, Texts(session.Complete("New-ContainerNetwork -Name x -Driver ")));
            Assert.Equal(new[] { "macvlan" }, Texts(session.Complete("New-ContainerNetwork -Name x -Driver ma")));

            string own = "linux/" + RuntimeInformation.OSArchitecture switch
            {
                Architecture.X64 => "amd64",
                Architecture.Arm64 => "arm64",
                Architecture other => other.ToString().ToLowerInvariant(),
            };
            foreach (string command in new[] { "Invoke-ImagePull -Name x -Platform ", "Invoke-ImageBuild -Path . -Platform " })
            {
                IReadOnlyList<CompletionResult> platforms = session.Complete(command);
                Assert.Equal(own, platforms[0].CompletionText);
                Assert.Contains("the platform of", platforms[0].ToolTip, StringComparison.Ordinal);
                Assert.Single(platforms, result => result.CompletionText == own);
                Assert.Contains("windows/amd64", Texts(platforms));
            }

            Assert.Equal(new[] { "windows/amd64", "windows/arm64" }, Texts(session.Complete("Invoke-ImagePull -Name x -Platform win")));
        }

        [Fact]
        public async Task An_engine_among_several_that_is_none_fails_binding_naming_it_and_nothing_runs()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult several = session.Run("Get-Container -Engine $env:DOCKER_HOST, 'other'");
            ErrorRecord error = several.Terminating ?? Assert.Single(several.Errors);
            Assert.StartsWith("ParameterArgumentTransformationError", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal("Engine", ((ParameterBindingException)error.Exception).ParameterName);
            Assert.Contains("'other'", error.Exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("System.Object[]", error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(several.Output);

            // One engine in an array is that engine.
            session.Run("Get-Container -Engine @($env:DOCKER_HOST) -Name 'nothing-is-named-so*'").AssertNoErrors();
        }

        private static string DockerConfig => Environment.GetEnvironmentVariable("DOCKER_CONFIG") ?? throw new InvalidOperationException("The test engine sets DOCKER_CONFIG.");

        private static string HostStoreRoot => Environment.GetEnvironmentVariable("CONTAINERS_HOST_STORE") ?? throw new InvalidOperationException("The test engine sets CONTAINERS_HOST_STORE.");

        // As the docker CLI stores a context: contexts/meta/SHA256(name)/meta.json.
        private static string ContextMetaFile(string name)
        {
            string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant();
            return Path.Combine(DockerConfig, "contexts", "meta", hash, "meta.json");
        }

        private static void WriteContext(string name, string dockerHost)
        {
            string file = ContextMetaFile(name);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, $"{{\"Name\":\"{name}\",\"Metadata\":{{\"Description\":\"completion test\"}},\"Endpoints\":{{\"docker\":{{\"Host\":\"{dockerHost}\",\"SkipTLSVerify\":false}}}}}}");
        }
    }
}
