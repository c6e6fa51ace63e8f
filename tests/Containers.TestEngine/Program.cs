using Containers.Engine;
using Containers.Tests.Fixtures;

namespace Containers.TestEngine
{
    /// <summary>
    /// Starts a private dockerd with the test image imported and a private registry, prints where they are as
    /// <c>NAME=VALUE</c> lines followed by <c>READY</c>, and keeps them until its standard input closes. Whoever starts it
    /// (a Pester run, the SDK-hosted tests, a benchmark) holds that input open for as long as it needs the engine; when
    /// that process ends, for whatever reason, the input closes and everything goes. If this process itself is killed,
    /// the fixtures' watchdogs, which watch its pid, remove the engine and the registry.
    /// With <c>--ssh</c> it also starts a machine reachable over SSH (<see cref="TestSshHost"/>: an sshd in a network
    /// namespace of its own, root logging in with a key made for it) for the Ssh driver's tests, and prints its address,
    /// key file and user; on its port 2200 the docker CLI of an SSH session reaches this engine, so that
    /// CONTAINERS_TEST_SSH_ENGINE (ssh://root@ADDRESS:2200), with the ssh config file CONTAINERS_TEST_SSH_CONFIG, is an
    /// ssh:// engine. With <c>--tls</c> it starts only a dockerd with --tlsverify and its certificates instead
    /// (<see cref="TlsEngineMode"/>); with <c>--swarm</c> only a single-node swarm
    /// (<see cref="SwarmEngineMode"/>). With <c>--no-registry</c> it starts no registry (an engine a test kills needs none of
    /// its own), and it always prints the engine's pid and folder, for tests that kill it.
    /// </summary>
    internal static class Program
    {
        /// <summary>The SSH machine's port whose sessions reach this engine with docker system dial-stdio.</summary>
        private const int SshEnginePort = 2200;

        private static async Task<int> Main(string[] args)
        {
            if (Array.IndexOf(args, "--tls") >= 0)
            {
                return await TlsEngineMode.RunAsync().ConfigureAwait(false);
            }

            if (Array.IndexOf(args, "--swarm") >= 0)
            {
                return await SwarmEngineMode.RunAsync().ConfigureAwait(false);
            }

            bool ssh = Array.IndexOf(args, "--ssh") >= 0;
            bool registryWanted = Array.IndexOf(args, "--no-registry") < 0;
            Dockerd? dockerd = null;
            TestSshHost? machine = null;
            try
            {
                dockerd = await Dockerd.StartAsync().ConfigureAwait(false);
                using (var client = new EngineClient(dockerd.Endpoint))
                {
                    await TestImage.ImportAsync(client).ConfigureAwait(false);
                }

                PrivateRegistry? registry = registryWanted ? await PrivateRegistry.GetAsync().ConfigureAwait(false) : null;
                if (ssh)
                {
                    // Sessions on one more port run docker against this engine, for ssh:// engine tests; port 22 stays as it was.
                    machine = await TestSshHost.StartAsync(
                        "Port " + SshEnginePort,
                        "Match LocalPort " + SshEnginePort,
                        "  SetEnv DOCKER_HOST=unix://" + dockerd.SocketPath).ConfigureAwait(false);
                    string sshConfig = Path.Combine(machine.Directory, "engine-client-config");
                    machine.WriteClientConfig(sshConfig, null, SshEnginePort);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_ADDRESS=" + machine.Address);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_KEY=" + machine.IdentityFile);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_USER=" + machine.User);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_ENGINE=ssh://" + machine.User + "@" + machine.Address + ":" + SshEnginePort);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_CONFIG=" + sshConfig);
                }

                Console.Out.WriteLine("DOCKER_HOST=" + dockerd.Endpoint);
                Console.Out.WriteLine("CONTAINERS_TEST_DOCKERD_PID=" + dockerd.ProcessId);
                Console.Out.WriteLine("CONTAINERS_TEST_DOCKERD_DIRECTORY=" + dockerd.Directory);
                Console.Out.WriteLine("CONTAINERS_TEST_IMAGE=" + TestImage.Reference);
                if (registry != null)
                {
                    Console.Out.WriteLine("CONTAINERS_TEST_REGISTRY=" + registry.Host);
                    Console.Out.WriteLine("CONTAINERS_TEST_REGISTRY_USER=" + registry.UserName);
                    Console.Out.WriteLine("CONTAINERS_TEST_REGISTRY_PASSWORD=" + registry.Password);
                }

                Console.Out.WriteLine("READY");
                Console.Out.Flush();

                // Until the owner closes our input (or ends, which closes it too).
                await Console.In.ReadToEndAsync().ConfigureAwait(false);
                if (registry != null)
                {
                    Watchdog.Stop(registry.Directory);
                }

                return 0;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine("The test engine could not start: " + e.Message);
                return 1;
            }
            finally
            {
                // The machine first: an engine provisioned in it goes with its namespace.
                machine?.Dispose();
                dockerd?.Dispose();
            }
        }
    }
}
