using System.Collections;
using Containers.Commands.Networks;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Networks
{
    public class NewAndGetNetworkTests : NetworkCommandTest
    {
        [Fact]
        public async Task New_creates_the_network_with_its_settings_and_Get_reads_them_back()
        {
            string name = PrivateEngine.UniqueName("netnew");
            TrackNetwork(name);
            var output = new RecordingOutput();
            await NewContainerNetworkCommand.FromOptions(new NetworkOptions
            {
                Name = name,
                Driver = "bridge",
                Subnet = new[] { "10.231.20.0/24" },
                Gateway = new[] { "10.231.20.1" },
                IPRange = new[] { "10.231.20.128/25" },
                Internal = true,
                Label = new Hashtable { ["test.suite"] = "networks", ["test.count"] = 3 },
                Option = new Hashtable { ["com.docker.network.bridge.enable_icc"] = "false" },
            }).ExecuteAsync(Engine, output, default);

            Assert.Empty(output.Errors);
            Assert.Equal((NetworkTargets.Kind.Describe(name, Engine), "Create"), Assert.Single(output.Asked));
            ContainerNetwork made = Assert.Single(output.ObjectsOf<ContainerNetwork>());

            output = new RecordingOutput();
            await new GetContainerNetworkCommand { Name = new[] { name } }.ExecuteAsync(Engine, output, default);
            ContainerNetwork read = Assert.Single(output.ObjectsOf<ContainerNetwork>());
            foreach (ContainerNetwork network in new[] { made, read })
            {
                Assert.Equal(name, network.Name);
                Assert.Equal(64, network.Id.Length);
                Assert.Equal(network.Id.Substring(0, 12), network.ShortId);
                Assert.Equal("bridge", network.Driver);
                Assert.Equal("local", network.Scope);
                Assert.True(network.Internal);
                Assert.False(network.Attachable);
                Assert.False(network.IPv6);
                Assert.Equal(new[] { "10.231.20.0/24" }, network.Subnet);
                Assert.Equal(new[] { "10.231.20.1" }, network.Gateway);
                Assert.Equal(new[] { "10.231.20.128/25" }, network.IPRange);
                Assert.Equal("networks", network.Labels["test.suite"]);
                Assert.Equal("3", network.Labels["test.count"]);
                Assert.Equal("false", network.Options["com.docker.network.bridge.enable_icc"]);
                Assert.Empty(network.Containers);
                Assert.InRange(network.Created!.Value, DateTime.Now.AddMinutes(-5), DateTime.Now.AddMinutes(5));
                Assert.Same(Engine, network.Engine);
                Assert.Equal(name, network.ToString());
            }

            Assert.Equal(made.Id, read.Id);
        }

        [Fact]
        public async Task A_name_in_use_is_NetworkNameInUse_ResourceExists()
        {
            string name = PrivateEngine.UniqueName("netdup");
            ContainerNetwork first = await NewNetworkAsync(name, "10.231.21.0/24");

            var output = new RecordingOutput();
            ContainerNetwork? second = await NewContainerNetworkCommand.FromOptions(new NetworkOptions { Name = name, Internal = true })
                .ExecuteAsync(Engine, output, default);

            Assert.Null(second);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("NetworkNameInUse", error.ErrorId);
            Assert.Equal(ErrorKind.ResourceExists, error.Kind);
            Assert.Contains(name, error.Message);
            Assert.Equal(name, error.Target);
            Assert.Equal(first.Id, Assert.Single(await Client.Networks.ListAsync(new global::Containers.Engine.Endpoints.Filters().Add("name", name)), n => n.Name == name).Id);
        }

        [Fact]
        public async Task WhatIf_creates_nothing()
        {
            string name = PrivateEngine.UniqueName("netwhatif");
            TrackNetwork(name);
            var output = new RecordingOutput { Approve = false };
            await NewContainerNetworkCommand.FromOptions(new NetworkOptions { Name = name }).ExecuteAsync(Engine, output, default);

            Assert.Empty(output.Objects);
            Assert.DoesNotContain(await Client.Networks.ListAsync(), n => n.Name == name);
        }

        [Theory]
        [InlineData("host")]
        [InlineData("none")]
        [InlineData("bridge")]
        public void A_predefined_name_is_refused_before_anything_is_sent(string name)
        {
            var error = Assert.Throws<InvalidParameterException>(() => NewContainerNetworkCommand.FromOptions(new NetworkOptions { Name = name }));
            Assert.Equal("Name", error.ParamName);
            Assert.Contains("predefined", error.Reason);
            Assert.Equal("InvalidName", ErrorClassifier.Classify(error, name).ErrorId);
        }

        [Fact]
        public async Task Get_finds_by_wildcard_id_driver_and_label_and_a_missing_literal_name_is_NetworkNotFound()
        {
            string prefix = PrivateEngine.UniqueName("netget");
            string marker = PrivateEngine.UniqueName("mark");
            ContainerNetwork first = await NewNetworkAsync(prefix + "-a", "10.231.27.0/24", new Hashtable { ["test.marker"] = marker });
            ContainerNetwork second = await NewNetworkAsync(prefix + "-b", "10.231.28.0/24");

            var output = new RecordingOutput();
            await new GetContainerNetworkCommand { Name = new[] { prefix + "-*" } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(new[] { first.Id, second.Id }, output.ObjectsOf<ContainerNetwork>().Select(n => n.Id));

            output = new RecordingOutput();
            await new GetContainerNetworkCommand { Id = new[] { second.Id.Substring(0, 12) } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(second.Id, Assert.Single(output.ObjectsOf<ContainerNetwork>()).Id);

            output = new RecordingOutput();
            await new GetContainerNetworkCommand { Label = new[] { "test.marker=" + marker }, Driver = new[] { "bridge" } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(first.Id, Assert.Single(output.ObjectsOf<ContainerNetwork>()).Id);

            output = new RecordingOutput();
            await new GetContainerNetworkCommand { Driver = new[] { "host" } }.ExecuteAsync(Engine, output, default);
            Assert.Equal("host", Assert.Single(output.ObjectsOf<ContainerNetwork>()).Name);

            string missing = PrivateEngine.UniqueName("netnone");
            output = new RecordingOutput();
            await new GetContainerNetworkCommand { Name = new[] { missing, missing + "*" } }.ExecuteAsync(Engine, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("NetworkNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Contains(missing, error.Message);
            Assert.Empty(output.Objects);
        }
    }
}
