using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Containers.Azure.Credentials;
using Containers.Azure.Templates;
using Containers.Engine.Configuration;
using Containers.Output;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;

namespace Containers.Azure.Tests
{
    /// <summary>
    /// What the power and certificate replay tests share: a host store in a temporary folder, an Azure host 'web01' in
    /// it, and the Azure driver whose ARM transport is a <see cref="ReplayHandler"/> (no Azure here) and whose engine
    /// probe and wait are recorded instead of reaching 20.61.7.9.
    /// </summary>
    public sealed class AzureReplay : IDisposable
    {
        public const string Sub = "00000000-0000-0000-0000-000000000001";
        public const string Vm = "/subscriptions/" + Sub + "/resourceGroups/containers-web01/providers/Microsoft.Compute/virtualMachines/web01";
        public const string Deployments = "/subscriptions/" + Sub + "/resourceGroups/containers-web01/providers/Microsoft.Resources/deployments/";

        // The queries ARM is asked with, as the published examples give them (Azure/azure-rest-api-specs, specification/...):
        // deployments: resources/resource-manager/Microsoft.Resources/stable/2021-04-01/examples/PutDeploymentResourceGroup.json;
        // resource groups (the version Azure.ResourceManager asks for): .../Microsoft.Resources/stable/2022-09-01/examples/CreateResourceGroup.json;
        // virtual machines: compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2023-09-01/examples/virtualMachineExamples/*.json.
        public const string DeploymentsApi = "?api-version=2021-04-01";
        public const string GroupsApi = "?api-version=2022-09-01";
        public const string ComputeApi = "?api-version=2023-09-01";

        private readonly string _root = Path.Combine(Path.GetTempPath(), "containers-azure-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public AzureReplay()
        {
            Store = new HostStore(Path.Combine(_root, "store"), new DockerContextMirror(new DockerConfigDirectory(Path.Combine(_root, "config"))));
        }

        public HostStore Store { get; }

        public ReplayHandler Replay { get; } = new ReplayHandler();

        public int EngineWaits { get; private set; }

        /// <summary>What the engine probe answers for a running VM.</summary>
        public (string? Version, string? Problem) Probe { get; set; } = ("27.5.1", null);

        public AzureDriver Driver() => new AzureDriver(null, new AzureDriverServices
        {
            Credential = _ => new StaticTokenCredential("replayed-token"),
            ArmOptions = () => new ArmClientOptions { Transport = new HttpClientTransport(new HttpClient(Replay)), Retry = { MaxRetries = 0 } },
            PollInterval = TimeSpan.Zero,
            CallerAddress = _ => Task.FromResult("198.51.100.7"),
            ProbeEngine = (_, _, _) => Task.FromResult(Probe),
            WaitForEngine = (_, _, _) => { EngineWaits++; return Task.CompletedTask; },
            Suffix = () => "a1b2c3",
            EnvironmentSubscription = null,
        });

        public HostRecord AddHost()
        {
            AzureHostPlan plan = AzureHostPlan.FromOptions("web01", new AzureHostOptions { SubscriptionId = Sub, Location = "westeurope" }, null, "a1b2c3");
            return Store.Add(new NewHost
            {
                Name = "web01",
                Driver = HostDrivers.Azure,
                Address = "20.61.7.9",
                OtherNames = new[] { "web01-a1b2c3.westeurope.cloudapp.azure.com" },
                DriverSettings = plan.ToSettings(),
                KeepServerKey = false,
            });
        }

        /// <summary>Removes the store, then fails the test unless the ARM conversation ran exactly as scripted.</summary>
        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }

            Replay.AssertComplete();
        }

        /// <summary>Collects what a core command writes; confirms everything.</summary>
        public sealed class Output : ICommandOutput
        {
            public List<object> Objects { get; } = new List<object>();
            public List<CommandError> Errors { get; } = new List<CommandError>();
            public void WriteObject(object value) => Objects.Add(value);
            public void WriteError(CommandError error) => Errors.Add(error);
            public void WriteWarning(string message) { }
            public void WriteVerbose(string message) { }
            public void WriteDebug(string message) { }
            public void WriteInformation(string message, params string[] tags) { }
            public void SetExitCode(int exitCode) { }
            public void WriteProgress(ProgressUpdate progress) { }
            public bool ShouldProcess(string target, string action) => true;

            public bool ShouldContinue(string query, string caption) => true;
        }
    }
}
