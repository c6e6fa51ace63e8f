using System;
using System.Threading.Tasks;
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
    /// key file and user. With <c>--no-registry</c> it starts no registry (an engine a test kills needs none of its own),
    /// and it always prints the engine's pid and folder, for tests that kill it.
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
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
                    machine = await TestSshHost.StartAsync().ConfigureAwait(false);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_ADDRESS=" + machine.Address);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_KEY=" + machine.IdentityFile);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_USER=" + machine.User);
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
