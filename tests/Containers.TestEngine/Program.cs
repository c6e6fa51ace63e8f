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
    /// key file and user. With <c>--tls</c> it starts only a dockerd with --tlsverify and its certificates instead
    /// (<see cref="TlsEngineMode"/>).
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            if (Array.IndexOf(args, "--tls") >= 0)
            {
                return await TlsEngineMode.RunAsync().ConfigureAwait(false);
            }

            bool ssh = Array.IndexOf(args, "--ssh") >= 0;
            Dockerd? dockerd = null;
            TestSshHost? machine = null;
            try
            {
                dockerd = await Dockerd.StartAsync().ConfigureAwait(false);
                using (var client = new EngineClient(dockerd.Endpoint))
                {
                    await TestImage.ImportAsync(client).ConfigureAwait(false);
                }

                PrivateRegistry registry = await PrivateRegistry.GetAsync().ConfigureAwait(false);
                if (ssh)
                {
                    machine = await TestSshHost.StartAsync().ConfigureAwait(false);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_ADDRESS=" + machine.Address);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_KEY=" + machine.IdentityFile);
                    Console.Out.WriteLine("CONTAINERS_TEST_SSH_USER=" + machine.User);
                }

                Console.Out.WriteLine("DOCKER_HOST=" + dockerd.Endpoint);
                Console.Out.WriteLine("CONTAINERS_TEST_IMAGE=" + TestImage.Reference);
                Console.Out.WriteLine("CONTAINERS_TEST_REGISTRY=" + registry.Host);
                Console.Out.WriteLine("CONTAINERS_TEST_REGISTRY_USER=" + registry.UserName);
                Console.Out.WriteLine("CONTAINERS_TEST_REGISTRY_PASSWORD=" + registry.Password);
                Console.Out.WriteLine("READY");
                Console.Out.Flush();

                // Until the owner closes our input (or ends, which closes it too).
                await Console.In.ReadToEndAsync().ConfigureAwait(false);
                Watchdog.Stop(registry.Directory);
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
