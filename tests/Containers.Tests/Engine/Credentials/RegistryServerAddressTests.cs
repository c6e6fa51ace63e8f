using Containers.Engine.Credentials;
using Xunit;

namespace Containers.Tests.Engine.Credentials
{
    /// <summary>Registry keys as the docker CLI files them: Docker Hub under its v1 URL, every other registry by host.</summary>
    public sealed class RegistryServerAddressTests
    {
        [Theory]
        [InlineData("docker.io")]
        [InlineData("index.docker.io")]
        [InlineData("registry-1.docker.io")]
        [InlineData("DOCKER.IO")]
        [InlineData("https://index.docker.io/v1/")]
        [InlineData("https://registry-1.docker.io/v2/")]
        public void Every_name_of_Docker_Hub_is_keyed_by_its_v1_URL(string name)
        {
            Assert.Equal("https://index.docker.io/v1/", RegistryServerAddress.Normalize(name));
            Assert.True(RegistryServerAddress.IsDockerHub(name));
            Assert.Equal("docker.io", RegistryServerAddress.ToDisplayName(RegistryServerAddress.Normalize(name)));
        }

        [Theory]
        [InlineData("127.0.0.1:5000", "127.0.0.1:5000")]
        [InlineData("registry.example.com", "registry.example.com")]
        [InlineData("https://registry.example.com/v2/", "registry.example.com")]
        [InlineData("http://registry.example.com:5000", "registry.example.com:5000")]
        [InlineData("https://user@registry.example.com/v1/", "registry.example.com")]
        [InlineData("registry.example.com/team/app", "registry.example.com")]
        [InlineData("[::1]:5000", "[::1]:5000")]
        [InlineData("  localhost:5000 ", "localhost:5000")]
        public void Other_registries_are_keyed_by_host_and_port(string name, string key)
        {
            Assert.Equal(key, RegistryServerAddress.Normalize(name));
            Assert.False(RegistryServerAddress.IsDockerHub(name));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("https:///v2/")]
        public void A_name_without_a_host_is_refused(string name) =>
            Assert.Throws<ArgumentException>(() => RegistryServerAddress.Normalize(name));
    }
}
