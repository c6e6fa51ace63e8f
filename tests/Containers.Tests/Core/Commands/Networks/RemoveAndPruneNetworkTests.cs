using System.Collections;
using Containers.Commands.Networks;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Networks
{
    public class RemoveAndPruneNetworkTests : NetworkCommandTest
    {
        [Fact]
        public async Task Remove_removes_by_name_and_a_missing_network_is_NetworkNotFound()
        {
            string name = PrivateEngine.UniqueName("netrm");
            await NewNetworkAsync(name, "10.231.29.0/24");
            string missing = PrivateEngine.UniqueName("netmissing");

            var output = new RecordingOutput();
            await new RemoveContainerNetworkCommand().ExecuteAsync(Engine, new[] { missing, name }, output, default);

            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("NetworkNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal(missing, error.Target);
            Assert.Equal(new[] { NetworkTargets.Kind.Describe(missing, Engine), NetworkTargets.Kind.Describe(name, Engine) }, output.Asked.Select(a => a.Target));
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Networks.InspectAsync(name));
        }

        [Fact]
        public async Task Predefined_networks_are_refused_by_name_and_by_id_and_skipped_by_wildcards()
        {
            NetworkResource host = await Client.Networks.InspectAsync("host");
            var output = new RecordingOutput();
            await new RemoveContainerNetworkCommand().ExecuteAsync(Engine, new[] { "host", host.Id, "[h]ost" }, output, default);

            Assert.Equal(new[] { "PredefinedNetwork", "PredefinedNetwork" }, output.Errors.Select(e => e.ErrorId));
            Assert.All(output.Errors, e => Assert.Equal(ErrorKind.InvalidOperation, e.Kind));
            Assert.Equal(new[] { NetworkTargets.Kind.Describe(host.Id, Engine) }, output.Asked.Select(a => a.Target));
            Assert.Equal("host", (await Client.Networks.InspectAsync("host")).Name);
        }

        [Fact]
        public async Task A_network_in_use_is_NetworkInUse_and_Force_disconnects_its_containers_and_removes_it()
        {
            string name = PrivateEngine.UniqueName("netbusy");
            await NewNetworkAsync(name, "10.231.30.0/24");
            (string containerId, _) = await StartAsync(Sleeper);
            await Client.Networks.ConnectAsync(name, new NetworkConnectRequest { Container = containerId });

            var output = new RecordingOutput();
            await new RemoveContainerNetworkCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("NetworkInUse", error.ErrorId);
            Assert.Equal(ErrorKind.ResourceBusy, error.Kind);
            Assert.Contains("-Force", error.RecommendedAction);

            output = new RecordingOutput();
            await new RemoveContainerNetworkCommand { Force = true }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal("Remove (disconnecting its containers)", Assert.Single(output.Asked).Action);
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Networks.InspectAsync(name));
            Assert.DoesNotContain(name, (await Client.Containers.InspectAsync(containerId)).NetworkSettings!.Networks!.Keys);
        }

        [Fact]
        public async Task Unused_prunes_the_unused_labelled_network_and_keeps_the_one_in_use()
        {
            string marker = PrivateEngine.UniqueName("prune");
            var labels = new Hashtable { ["test.prune"] = marker };
            string unused = PrivateEngine.UniqueName("netunused");
            string used = PrivateEngine.UniqueName("netused");
            await NewNetworkAsync(unused, "10.231.23.0/24", labels);
            await NewNetworkAsync(used, "10.231.24.0/24", labels);
            (string containerId, _) = await StartAsync(Sleeper);
            await Client.Networks.ConnectAsync(used, new NetworkConnectRequest { Container = containerId });

            var output = new RecordingOutput();
            await new PruneNetworksCommand { Label = new[] { "test.prune=" + marker } }.ExecuteAsync(Engine, output, default);

            PruneResult result = Assert.Single(output.ObjectsOf<PruneResult>());
            Assert.Equal("Network", result.Kind);
            Assert.Equal(new[] { unused }, result.Removed);
            Assert.Equal(0, result.SpaceReclaimed);
            Assert.Contains("Removed network " + unused + ".", output.Verbose);
            Assert.Contains("unused networks labelled test.prune=" + marker, Assert.Single(output.Asked).Target);
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Networks.InspectAsync(unused));
            Assert.Equal(used, (await Client.Networks.InspectAsync(used)).Name);
        }

        [Fact]
        public async Task Unused_with_WhatIf_or_OlderThan_before_the_networks_removes_nothing()
        {
            string marker = PrivateEngine.UniqueName("prunewi");
            string name = PrivateEngine.UniqueName("netkeep");
            await NewNetworkAsync(name, "10.231.31.0/24", new Hashtable { ["test.prune"] = marker });

            var output = new RecordingOutput { Approve = false };
            await new PruneNetworksCommand { Label = new[] { "test.prune=" + marker } }.ExecuteAsync(Engine, output, default);
            Assert.Empty(output.Objects);

            output = new RecordingOutput();
            await new PruneNetworksCommand { Label = new[] { "test.prune=" + marker }, OlderThan = "1h" }.ExecuteAsync(Engine, output, default);
            Assert.Empty(Assert.Single(output.ObjectsOf<PruneResult>()).Removed);
            Assert.Equal(name, (await Client.Networks.InspectAsync(name)).Name);

            var bad = await Assert.ThrowsAsync<global::Containers.Errors.InvalidParameterException>(() =>
                new PruneNetworksCommand { OlderThan = "yesterday-ish" }.ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.Equal("OlderThan", bad.ParamName);
        }
    }
}
