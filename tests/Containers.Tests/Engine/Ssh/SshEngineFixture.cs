using System.Globalization;
using Containers.Engine;
using Containers.Engine.Ssh;
using Containers.Engine.Transport;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Ssh
{
    /// <summary>
    /// A host reachable over ssh with an engine behind it, as an ssh:// engine is: the SSH test host (its own network
    /// namespace and sshd), whose sessions run the docker CLI with DOCKER_HOST set (sshd's SetEnv) to the private
    /// engine's unix socket, reachable because the namespace shares this machine's files. Two more ports of the same
    /// sshd stand for broken hosts: on one the engine is down, on the other docker is missing. The client side is an ssh
    /// config file of the test's own (key, known_hosts), never the user's.
    /// </summary>
    public sealed class SshEngineFixture : IAsyncLifetime
    {
        /// <summary>The sshd port whose sessions point docker at a socket that does not exist.</summary>
        public const int EngineDownPort = 2222;

        /// <summary>The sshd port whose sessions find no docker on the PATH.</summary>
        public const int NoDockerPort = 2223;

        private TestSshHost? _host;

        public TestSshHost Host => _host!;

        public PrivateEngine Engine { get; private set; } = null!;

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "containers-sshengine-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        /// <summary>The test's key, and known_hosts holding the host's key at each of its ports.</summary>
        public string ConfigFile => Path.Combine(Folder, "config");

        /// <summary>The test's key, and an empty known_hosts.</summary>
        public string UnknownHostConfigFile => Path.Combine(Folder, "config-unknown-host");

        /// <summary>A key the host does not authorise, and known_hosts with the host's key.</summary>
        public string WrongKeyConfigFile => Path.Combine(Folder, "config-wrong-key");

        /// <summary>ssh://root@ADDRESS[:PORT].</summary>
        public string Address(int? port = null) =>
            "ssh://root@" + Host.Address + (port == null ? string.Empty : ":" + port.Value.ToString(CultureInfo.InvariantCulture));

        /// <summary>A client of its own (dispose it) for the ssh:// engine, with the given ssh config.</summary>
        public EngineClient Client(string? configFile = null, int? port = null, ISshPinnedHosts? pinnedHosts = null) =>
            new EngineClient(EngineEndpoint.Parse(Address(port)), null, new EngineClientOptions
            {
                SshConfigFile = configFile ?? ConfigFile,
                SshPinnedHosts = pinnedHosts,
            });

        public async Task InitializeAsync()
        {
            Engine = await PrivateEngine.GetAsync();
            _host = await TestSshHost.StartAsync(
                "Port " + EngineDownPort.ToString(CultureInfo.InvariantCulture),
                "Port " + NoDockerPort.ToString(CultureInfo.InvariantCulture),
                "SetEnv DOCKER_HOST=unix://" + Engine.Dockerd.SocketPath,
                "Match LocalPort " + EngineDownPort.ToString(CultureInfo.InvariantCulture),
                "  SetEnv DOCKER_HOST=unix://" + Path.Combine(Folder, "no-engine.sock"),
                "Match LocalPort " + NoDockerPort.ToString(CultureInfo.InvariantCulture),
                "  ForceCommand PATH=/var/empty; docker system dial-stdio");

            Directory.CreateDirectory(Folder);
            string wrongKey = Path.Combine(Folder, "wrong_key");
            Programs.Run("ssh-keygen", new[] { "-q", "-t", "ed25519", "-N", string.Empty, "-C", "not authorised", "-f", wrongKey });
            Host.WriteClientConfig(ConfigFile, null, Host.Port, EngineDownPort, NoDockerPort);
            Host.WriteClientConfig(UnknownHostConfigFile, null);
            Host.WriteClientConfig(WrongKeyConfigFile, wrongKey, Host.Port);
        }

        public Task DisposeAsync()
        {
            _host?.Dispose();
            Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }
    }
}
