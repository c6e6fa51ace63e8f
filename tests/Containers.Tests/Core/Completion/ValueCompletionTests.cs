using System.Collections;
using Containers.Completion;
using Containers.Engine.Configuration;
using Containers.Engine.Models;
using Containers.EngineSelection;
using Containers.Provisioning.Contexts;
using Containers.Tests.Engine;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    /// <summary>
    /// Values that are not engine objects: network drivers, platforms (the engine's own first), engine and context
    /// names from local files; and container names by the state the command needs, without the names typed already.
    /// </summary>
    public class ValueCompletionTests : EngineTest
    {
        private Hashtable Bound => new Hashtable { ["Engine"] = Engine };

        [Fact]
        public void Network_drivers_come_in_the_order_people_use_them_and_match_the_typed_word()
        {
            Assert.Equal(new[] { "bridge", "host", "none", "overlay", "macvlan", "ipvlan" }, FixedValues.Complete(string.Empty, FixedValues.NetworkDrivers).Select(i => i.CompletionText));
            Assert.Equal(new[] { "'ipvlan'" }, FixedValues.Complete("'IP", FixedValues.NetworkDrivers).Select(i => i.CompletionText));
            CompletionAssert.WellFormed(FixedValues.Complete(string.Empty, FixedValues.NetworkDrivers));
        }

        [Fact]
        public async Task The_engines_own_platform_comes_first_once_and_an_unreachable_engine_leaves_the_common_ones()
        {
            VersionResponse version = await Client.System.VersionAsync();
            string own = version.Os + "/" + version.Arch;
            EngineNameCompleter patient = EngineCompleters.EnginePlatform.WithTimeLimit(CompletionAssert.Patient);

            IReadOnlyList<CompletionItem> items = PlatformValues.Complete(string.Empty, Bound, "no-session", patient);
            Assert.Equal(own, items[0].CompletionText);
            Assert.Contains(Engine.Name, items[0].ToolTip);
            Assert.Single(items, i => i.CompletionText == own);
            Assert.Equal(PlatformValues.Common.Count, items.Count - (PlatformValues.Common.Contains(own) ? 0 : 1));
            Assert.Equal(new[] { "windows/amd64", "windows/arm64" }, PlatformValues.Complete("win", Bound, "no-session", patient).Select(i => i.CompletionText));

            var nowhere = new Hashtable { ["Engine"] = "unix:///tmp/cte-absent-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".sock" };
            Assert.Equal(PlatformValues.Common, PlatformValues.Complete(string.Empty, nowhere, "no-session").Select(i => i.CompletionText));
        }

        [Fact]
        public async Task Each_command_offers_the_containers_it_can_act_on_and_not_the_names_typed_already()
        {
            string prefix = PrivateEngine.UniqueName("cmpst");
            await CreateAsync(new[] { "true" }, prefix + "-created");
            await StartAsync(Sleeper, prefix + "-running");

            EngineNameCompleter start = EngineCompleters.ContainerNamesFor("Start-Container").WithTimeLimit(CompletionAssert.Patient);
            EngineNameCompleter stop = EngineCompleters.ContainerNamesFor(@"Containers\Stop-Container").WithTimeLimit(CompletionAssert.Patient);
            EngineNameCompleter remove = EngineCompleters.ContainerNamesFor("Remove-Container").WithTimeLimit(CompletionAssert.Patient);

            Assert.Equal(new[] { prefix + "-created" }, start.Complete(prefix, Bound, "no-session").Select(i => i.CompletionText));
            Assert.Equal(new[] { prefix + "-running" }, stop.Complete(prefix, Bound, "no-session").Select(i => i.CompletionText));
            Assert.Equal(new[] { prefix + "-created", prefix + "-running" }, remove.Complete(prefix, Bound, "no-session").Select(i => i.CompletionText));
            Assert.Equal(new[] { prefix + "-running" }, remove.Complete(prefix, Bound, "no-session", new[] { prefix + "-created" }).Select(i => i.CompletionText));
            Assert.Same(EngineCompleters.ContainerNames, EngineCompleters.ContainerNamesFor("Get-Container"));
            Assert.Equal(new[] { "paused" }, ContainerStates.For("Resume-Container"));
        }

        [Fact]
        public void Engine_offers_hosts_and_contexts_once_each_and_Context_only_contexts()
        {
            string temp = Directory.CreateTempSubdirectory("cmp-engines").FullName;
            try
            {
                var environment = new FakeEngineEnvironment(temp)
                {
                    ["DOCKER_CONFIG"] = Path.Combine(temp, "docker"),
                    ["CONTAINERS_HOST_STORE"] = Path.Combine(temp, "store"),
                };
                var mirror = new DockerContextMirror(new DockerConfigDirectory(Path.Combine(temp, "docker")));
                mirror.Write("build01", "tcp://192.0.2.1:2376", "ca", "cert", "key");
                mirror.Write("shared", "tcp://192.0.2.2:2376", "ca", "cert", "key");
                // A host of the store, mirrored as the context 'shared' as New-ContainerHost does; only its record's presence is read.
                Directory.CreateDirectory(Path.Combine(temp, "store", "hosts", "shared"));
                File.WriteAllText(Path.Combine(temp, "store", "hosts", "shared", "host.json"), "{}");
                var selector = new EngineSelector(environment);

                IReadOnlyList<CompletionItem> engines = EngineChoices.Complete(string.Empty, selector, includeHosts: true);
                Assert.Equal(new[] { "build01", "default", "shared" }, engines.Select(i => i.CompletionText));
                Assert.Contains("host in", engines.Single(i => i.ListItemText == "shared").ToolTip);
                Assert.Contains("docker context (current)", engines.Single(i => i.ListItemText == "default").ToolTip);
                CompletionAssert.WellFormed(engines);

                Assert.Equal(new[] { "build01" }, EngineChoices.Complete("b", selector, includeHosts: false).Select(i => i.CompletionText));
                Assert.Contains("docker context", EngineChoices.Complete("sh", selector, includeHosts: false).Single().ToolTip);

                // A broken context file completes nothing from the contexts, and raises nothing.
                File.WriteAllText(mirror.MetaFilePathFor("build01"), "{ not json");
                Assert.Equal(new[] { "shared" }, EngineChoices.Complete(string.Empty, selector, includeHosts: true).Select(i => i.CompletionText));
            }
            finally
            {
                Directory.Delete(temp, true);
            }
        }
    }
}
