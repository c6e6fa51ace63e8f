using Containers.Engine;
using Containers.Engine.Transport;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// One engine of the test cluster (<see cref="SwarmClusterFixture"/>): an isolated dockerd (<see cref="Dockerd.StartIsolatedAsync"/>)
    /// named <see cref="Name"/>, reachable by the other nodes at <see cref="Address"/> and by the tests at its socket.
    /// </summary>
    public sealed class SwarmClusterNode
    {
        internal SwarmClusterNode(Dockerd dockerd, string name, string address)
        {
            Dockerd = dockerd;
            Name = name;
            Address = address;
            Client = new EngineClient(dockerd.Endpoint);
        }

        public Dockerd Dockerd { get; }

        public EngineEndpoint Endpoint => Dockerd.Endpoint;

        /// <summary>The node's host name, as swarm reports it (Description.Hostname).</summary>
        public string Name { get; }

        /// <summary>The node's address on the cluster's bridge: where it listens for and advertises swarm traffic.</summary>
        public string Address { get; }

        /// <summary>A client the tests share; make your own when a test needs one it can break or dispose.</summary>
        public EngineClient Client { get; }

        /// <summary>A docker CLI configuration folder of the node's own.</summary>
        public string CliConfig => Path.Combine(Dockerd.Directory, "cli-config");

        /// <summary>Runs the docker CLI against this node.</summary>
        public string Docker(params string[] arguments) => DockerCli.Run(Endpoint, CliConfig, arguments);
    }
}
