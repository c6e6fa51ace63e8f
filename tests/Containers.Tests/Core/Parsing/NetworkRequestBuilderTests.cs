using System.Collections;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Parsing;
using Xunit;

namespace Containers.Tests.Core.Parsing
{
    public class NetworkRequestBuilderTests
    {
        [Fact]
        public void Gateways_and_ranges_go_with_the_subnet_that_contains_them()
        {
            NetworkCreateRequest request = NetworkRequestBuilder.Build(new NetworkOptions
            {
                Name = " app ",
                Subnet = new[] { "10.231.40.0/24", "10.231.41.0/24", "fd00:231::/64" },
                Gateway = new[] { "10.231.41.254", "10.231.40.1" },
                IPRange = new[] { "10.231.41.0/25" },
                IPv6 = true,
                Attachable = true,
                Option = new Hashtable { ["mtu"] = 1400 },
            });

            Assert.Equal("app", request.Name);
            Assert.True(request.CheckDuplicate);
            Assert.True(request.EnableIPv6);
            Assert.True(request.Attachable);
            Assert.Null(request.Driver);
            Assert.Equal("1400", request.Options!["mtu"]);
            Assert.Collection(
                request.IPAM!.Config!,
                pool => Assert.Equal(("10.231.40.0/24", "10.231.40.1", (string?)null), (pool.Subnet, pool.Gateway, pool.IPRange)),
                pool => Assert.Equal(("10.231.41.0/24", "10.231.41.254", "10.231.41.0/25"), (pool.Subnet, pool.Gateway, pool.IPRange)),
                pool => Assert.Equal(("fd00:231::/64", (string?)null, (string?)null), (pool.Subnet, pool.Gateway, pool.IPRange)));
        }

        [Fact]
        public void Without_a_subnet_the_engine_picks_one()
        {
            NetworkCreateRequest request = NetworkRequestBuilder.Build(new NetworkOptions { Name = "app", Driver = "bridge", Internal = true });
            Assert.Null(request.IPAM);
            Assert.Null(request.Labels);
            Assert.Equal("bridge", request.Driver);
            Assert.True(request.Internal);
        }

        [Theory]
        [InlineData("Subnet", "10.231.40.0", null, null, false)]
        [InlineData("Subnet", "10.231.40.0/33", null, null, false)]
        [InlineData("Subnet", "10.231/16", null, null, false)]
        [InlineData("Subnet", "10.231.0.0/16,10.231.40.0/24", null, null, false)]
        [InlineData("Subnet", "fd00:231::/64", null, null, false)]
        [InlineData("Subnet", "10.232.1.0/0", null, null, false)]
        [InlineData("Subnet", "::/0", null, null, true)]
        [InlineData("Gateway", "10.231.40.0/24", "10.231.41.1", null, false)]
        [InlineData("Gateway", "10.231.40.0/24", "10.231.40.1,10.231.40.2", null, false)]
        [InlineData("Gateway", "10.231.40.0/24", "gateway", null, false)]
        [InlineData("Gateway", null, "10.231.40.1", null, false)]
        [InlineData("IPRange", "10.231.40.0/24", null, "10.231.0.0/16", false)]
        [InlineData("IPRange", null, null, "10.231.40.0/25", false)]
        public void Bad_addresses_are_refused_naming_the_parameter(string parameter, string? subnets, string? gateways, string? ranges, bool ipv6)
        {
            var error = Assert.Throws<InvalidParameterException>(() => NetworkRequestBuilder.Build(new NetworkOptions
            {
                Name = "app",
                Subnet = subnets?.Split(','),
                Gateway = gateways?.Split(','),
                IPRange = ranges?.Split(','),
                IPv6 = ipv6,
            }));
            Assert.Equal(parameter, error.ParamName);
        }

        [Fact]
        public void A_subnet_of_the_whole_address_space_is_refused_naming_it()
        {
            var error = Assert.Throws<InvalidParameterException>(() => NetworkRequestBuilder.Build(new NetworkOptions { Name = "app", Subnet = new[] { "10.232.1.0/0" } }));
            Assert.Equal(("Subnet", (object?)"10.232.1.0/0"), (error.ParamName, error.Value));
            Assert.Contains("10.232.1.0/0 is the whole address space", error.Reason);
        }

        [Fact]
        public void An_empty_name_or_option_name_is_refused()
        {
            Assert.Equal("Name", Assert.Throws<InvalidParameterException>(() => NetworkRequestBuilder.Build(new NetworkOptions { Name = " " })).ParamName);
            Assert.Equal("Option", Assert.Throws<InvalidParameterException>(() =>
                NetworkRequestBuilder.Build(new NetworkOptions { Name = "app", Option = new Hashtable { [""] = "x" } })).ParamName);
        }
    }
}
