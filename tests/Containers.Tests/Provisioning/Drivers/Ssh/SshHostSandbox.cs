using Containers.Commands.Hosts;
using Containers.Engine.Configuration;
using Containers.Models;
using Containers.Provisioning;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Ssh;
using Containers.Provisioning.Store;
using Containers.Tests.Engine;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Drivers.Ssh
{
    /// <summary>
    /// A test SSH host (a network namespace with its own sshd and private /etc/docker, /run, ...) and, inside its folder
    /// so that its watchdog removes them even after a crash, a host store and a docker configuration folder of the
    /// test's own. Disposing tears the test host down, with any engine provisioning started in it.
    /// </summary>
    public sealed class SshHostSandbox : IDisposable
    {
        private SshHostSandbox(TestSshHost host)
        {
            Host = host;
            Store = new HostStore(StoreRoot, new DockerContextMirror(new DockerConfigDirectory(DockerConfig)));
            Environment = new FakeEngineEnvironment(Temp);
            Environment[HostStoreLocation.Variable] = StoreRoot;
            Environment["DOCKER_CONFIG"] = DockerConfig;
        }

        public TestSshHost Host { get; }

        public string Temp => Path.Combine(Host.Directory, "client-side");

        public string StoreRoot => Path.Combine(Temp, "store");

        public string DockerConfig => Path.Combine(Temp, "docker-config");

        public HostStore Store { get; }

        /// <summary>CONTAINERS_HOST_STORE and DOCKER_CONFIG pointing at this sandbox, for the engine selector.</summary>
        public FakeEngineEnvironment Environment { get; }

        public Func<string, IHostDriver> Drivers { get; set; } = HostDriverFactory.Get;

        public HostCommandContext Context => new HostCommandContext(Store, Drivers);

        /// <summary>New-ContainerHost -Driver Ssh's parameters for the test host, with the key the test host accepts.</summary>
        public SshHostParameters Parameters(string? hostKey = null) => new SshHostParameters
        {
            Address = Host.Address,
            User = Host.User,
            KeyFile = Host.IdentityFile,
            Port = Host.Port,
            HostKey = hostKey,
        };

        public static async Task<SshHostSandbox> StartAsync() => new SshHostSandbox(await TestSshHost.StartAsync());

        /// <summary>The names of the processes in the test host's namespace, sshd's included.</summary>
        public IReadOnlyList<string> ProcessesInHost() => Host.ProcessNames();

        /// <summary>The files provisioning left in the test host's /etc/docker.</summary>
        public IReadOnlyList<string> EngineConfigurationFiles() =>
            Directory.Exists(Host.PrivatePath("/etc/docker"))
                ? Directory.GetFileSystemEntries(Host.PrivatePath("/etc/docker")).Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).ToList()!
                : Array.Empty<string>();

        public async Task<ContainerHost> DescribeAsync(string name)
        {
            var output = new RecordingOutput();
            await new GetContainerHostCommand(Context) { Name = new[] { name } }.ExecuteAsync(output, CancellationToken.None);
            Assert.Empty(output.Errors);
            return output.ObjectsOf<ContainerHost>().Single();
        }

        public async Task<RecordingOutput> ActAsync(string name, HostAction action)
        {
            var output = new RecordingOutput();
            await new HostActionCommand(Context, action) { Name = new[] { name }, PassThru = true }.ExecuteAsync(output, CancellationToken.None);
            return output;
        }

        public void Dispose() => Host.Dispose();
    }
}
