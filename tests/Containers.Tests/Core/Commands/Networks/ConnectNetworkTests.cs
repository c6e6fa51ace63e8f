using Containers.Commands.Containers;
using Containers.Commands.Networks;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Networks
{
    public class ConnectNetworkTests : NetworkCommandTest
    {
        private async Task<ContainerDetail> DetailAsync(string container)
        {
            var output = new RecordingOutput();
            await new GetContainerDetailCommand().ExecuteAsync(Engine, new[] { container }, output, default);
            Assert.Empty(output.Errors);
            return Assert.Single(output.ObjectsOf<ContainerDetail>());
        }

        [Fact]
        public async Task Connect_with_alias_and_static_address_shows_in_Get_ContainerDetail_and_Disconnect_removes_it()
        {
            string name = PrivateEngine.UniqueName("netconn");
            ContainerNetwork network = await NewNetworkAsync(name, "10.231.22.0/24");
            (string containerId, string container) = await StartAsync(Sleeper);

            var output = new RecordingOutput();
            ConnectNetworkCommand connect = ConnectNetworkCommand.Create(network, new[] { "db", "primary" }, new[] { "10.231.22.10" });
            connect.PassThru = true;
            await connect.ExecuteAsync(Engine, new[] { container }, output, default);

            Assert.Empty(output.Errors);
            Assert.Equal((ContainerTargets.Kind.Describe(container, Engine), "Connect to network '" + name + "'"), Assert.Single(output.Asked));
            Assert.Contains(name, Assert.Single(output.ObjectsOf<Container>()).Networks);

            ContainerDetail detail = await DetailAsync(container);
            Assert.Contains(name, detail.Networks);
            EndpointSettings endpoint = detail.NetworkSettings!.Networks![name];
            Assert.Contains("db", endpoint.Aliases!);
            Assert.Contains("primary", endpoint.Aliases!);
            Assert.Equal("10.231.22.10", endpoint.IPAddress);
            Assert.Equal("10.231.22.10", endpoint.IPAMConfig!.IPv4Address);

            output = new RecordingOutput();
            await new GetContainerNetworkCommand { Name = new[] { name } }.ExecuteAsync(Engine, output, default);
            ContainerNetworkEndpoint attached = Assert.Single(Assert.Single(output.ObjectsOf<ContainerNetwork>()).Containers);
            Assert.Equal(container, attached.Name);
            Assert.Equal(containerId, attached.ContainerId);
            Assert.Equal("10.231.22.10/24", attached.IPv4Address);

            output = new RecordingOutput();
            await DisconnectNetworkCommand.Create(name, force: false).ExecuteAsync(Engine, new[] { containerId }, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal("Disconnect from network '" + name + "'", Assert.Single(output.Asked).Action);
            detail = await DetailAsync(container);
            Assert.DoesNotContain(name, detail.Networks);
            Assert.False(detail.NetworkSettings!.Networks!.ContainsKey(name));
        }

        [Fact]
        public async Task Connecting_twice_is_NetworkAlreadyConnected_and_disconnecting_twice_is_NetworkNotConnected()
        {
            string name = PrivateEngine.UniqueName("nettwice");
            await NewNetworkAsync(name, "10.231.25.0/24");
            (_, string container) = await StartAsync(Sleeper);

            var output = new RecordingOutput();
            await ConnectNetworkCommand.Create(name, null, null).ExecuteAsync(Engine, new[] { container, container }, output, default);
            CommandError twice = Assert.Single(output.Errors);
            Assert.Equal("NetworkAlreadyConnected", twice.ErrorId);
            Assert.Equal(ErrorKind.ResourceExists, twice.Kind);

            output = new RecordingOutput();
            await DisconnectNetworkCommand.Create(name, false).ExecuteAsync(Engine, new[] { container, container }, output, default);
            CommandError notConnected = Assert.Single(output.Errors);
            Assert.Equal("NetworkNotConnected", notConnected.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, notConnected.Kind);
        }

        [Fact]
        public async Task A_missing_network_or_container_is_reported_as_the_one_that_is_missing()
        {
            string name = PrivateEngine.UniqueName("netmiss");
            await NewNetworkAsync(name, "10.231.26.0/24");
            (_, string stopped) = await CreateAsync(new[] { "true" });
            string missingNetwork = PrivateEngine.UniqueName("nonet");
            string missingContainer = PrivateEngine.UniqueName("nobody");

            var output = new RecordingOutput();
            await ConnectNetworkCommand.Create(missingNetwork, null, null).ExecuteAsync(Engine, new[] { stopped }, output, default);
            Assert.Equal("NetworkNotFound", Assert.Single(output.Errors).ErrorId);

            output = new RecordingOutput();
            await ConnectNetworkCommand.Create(name, null, null).ExecuteAsync(Engine, new[] { missingContainer }, output, default);
            CommandError noContainer = Assert.Single(output.Errors);
            Assert.Equal("ContainerNotFound", noContainer.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, noContainer.Kind);
        }

        [Theory]
        [InlineData("10.231")]
        [InlineData("not-an-address")]
        [InlineData("10.231.1.1,10.231.1.2")]
        public void Bad_static_addresses_are_refused_before_anything_is_sent(string addresses)
        {
            var error = Assert.Throws<InvalidParameterException>(() => ConnectNetworkCommand.Create("any", null, addresses.Split(',')));
            Assert.Equal("IPAddress", error.ParamName);
        }

        [Fact]
        public void One_address_of_each_family_is_accepted()
        {
            ConnectNetworkCommand command = ConnectNetworkCommand.Create("any", new[] { "web" }, new[] { "10.231.1.5", "fd00:231::5" });
            Assert.Equal("10.231.1.5", command.Addresses!.IPv4Address);
            Assert.Equal("fd00:231::5", command.Addresses.IPv6Address);
            Assert.Equal(new[] { "web" }, command.Aliases);
        }

        [Fact]
        public async Task New_Container_attaches_to_a_network_given_as_an_object()
        {
            string name = PrivateEngine.UniqueName("netnewc");
            ContainerNetwork network = await NewNetworkAsync(name, "10.231.32.0/24");

            var output = new RecordingOutput();
            Container? created = await NewContainerCommand.FromOptions(new ContainerOptions { Image = Image, Command = Sleeper, Network = network }, PrivateEngine.UniqueName(), null)
                .ExecuteAsync(Engine, output, default);
            Assert.NotNull(created);
            Track(created!.Id);
            Assert.Empty(output.Errors);
            Assert.Equal(new[] { name }, created.Networks);

            await Client.Containers.StartAsync(created.Id);
            ContainerDetail detail = await DetailAsync(created.Id);
            Assert.Equal(name, detail.HostConfig!.NetworkMode);
            Assert.StartsWith("10.231.32.", detail.NetworkSettings!.Networks![name].IPAddress);
        }

        [Fact]
        public void The_Network_option_takes_names_and_objects_and_refuses_other_things()
        {
            Assert.Equal("app", NetworkArgument.NameOf(" app ", "Network"));
            Assert.Equal("host", ContainerRequestBuilder.Build(new ContainerOptions { Image = "x", Network = "host" }).HostConfig!.NetworkMode);
            Assert.Equal("Network", Assert.Throws<InvalidParameterException>(() => NetworkArgument.NameOf(" ", "Network")).ParamName);
            Assert.Equal("Network", Assert.Throws<InvalidParameterException>(() => NetworkArgument.NameOf(new List<string>(), "Network")).ParamName);
        }
    }
}
