using Containers.Engine.Transport;
using Xunit;

namespace Containers.Tests.Engine.Ssh
{
    /// <summary>ssh:// addresses read as the docker CLI reads them: a user and port at most, nothing ssh could take for an option.</summary>
    public sealed class SshEndpointTests
    {
        [Theory]
        [InlineData("ssh://me@build01:2222", "me", "build01", 2222, "ssh://me@build01:2222")]
        [InlineData("ssh://build01", null, "build01", 0, "ssh://build01")]
        [InlineData("SSH://me@10.0.0.5/", "me", "10.0.0.5", 0, "ssh://me@10.0.0.5")]
        [InlineData("ssh://root@[fd00::5]:22", "root", "fd00::5", 22, "ssh://root@[fd00::5]:22")]
        public void Reads_user_host_and_port(string text, string? user, string host, int port, string canonical)
        {
            EngineEndpoint endpoint = EngineEndpoint.Parse(text);

            Assert.Equal(EngineEndpointKind.Ssh, endpoint.Kind);
            Assert.Equal(user, endpoint.User);
            Assert.Equal(host, endpoint.Host);
            Assert.Equal(port, endpoint.Port);
            Assert.Equal(canonical, endpoint.ToString());
        }

        [Theory]
        [InlineData("ssh://me:secret@host", "password")]
        [InlineData("ssh://me@host/var/run/docker.sock", "has a path")]
        [InlineData("ssh://me@host?x=1", "has a query")]
        [InlineData("ssh://me@host:0", "not a number from 1 to 65535")]
        [InlineData("ssh://me@host:ssh", "not a number from 1 to 65535")]
        [InlineData("ssh://-oProxyCommand=x", "neither a host name")]
        [InlineData("ssh://-l@host", "not a user name ssh can use")]
        [InlineData("ssh://me@", "no host name")]
        public void Refuses_what_ssh_would_misread(string text, string problem)
        {
            Assert.False(EngineEndpoint.TryParse(text, out EngineEndpoint? endpoint, out string? message));
            Assert.Null(endpoint);
            Assert.Contains(problem, message);
            Assert.Contains(text.Trim(), message);
        }
    }
}
