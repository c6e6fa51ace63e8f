using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Containers.Azure.Credentials;
using Containers.Azure.Templates;
using Containers.Engine.Configuration;
using Containers.Errors;
using Containers.Output;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;
using Xunit;

namespace Containers.Azure.Tests
{
    /// <summary>
    /// The Azure driver against replayed ARM conversations (no Azure here): the responses are replays of the real shapes
    /// (a deployment PUT answered 201 with Azure-AsyncOperation, polls Accepted/Running/Succeeded, then the deployment GET
    /// with outputs; VM actions 202 with Azure-AsyncOperation and Location; resource group DELETE 202 then 200).
    /// </summary>
    public sealed class AzureDriverReplayTests : IDisposable
    {
        private const string Sub = "00000000-0000-0000-0000-000000000001";
        private const string Group = "/subscriptions/" + Sub + "/resourcegroups/containers-web01";
        private const string Deployments = "/subscriptions/" + Sub + "/resourceGroups/containers-web01/providers/Microsoft.Resources/deployments/";
        private const string Vm = "/subscriptions/" + Sub + "/resourceGroups/containers-web01/providers/Microsoft.Compute/virtualMachines/web01";

        private readonly string _root = Path.Combine(Path.GetTempPath(), "containers-azure-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly HostStore _store;
        private readonly ReplayHandler _replay = new ReplayHandler();
        private bool _waited;

        public AzureDriverReplayTests()
        {
            _store = new HostStore(Path.Combine(_root, "store"), new DockerContextMirror(new DockerConfigDirectory(Path.Combine(_root, "config"))));
        }

        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }

            // Every scripted exchange asked for, in order, with its query: a skipped poll fails here.
            _replay.AssertComplete();
        }

        private AzureDriver Driver(AzureHostOptions? options) => new AzureDriver(options, new AzureDriverServices
        {
            Credential = _ => new StaticTokenCredential("replayed-token"),
            ArmOptions = () => new ArmClientOptions { Transport = new HttpClientTransport(new HttpClient(_replay)), Retry = { MaxRetries = 0 } },
            PollInterval = TimeSpan.Zero,
            CallerAddress = _ => Task.FromResult("198.51.100.7"),
            WaitForEngine = (_, _, _) => { _waited = true; return Task.CompletedTask; },
            Suffix = () => "a1b2c3",
            EnvironmentSubscription = null,
        });

        private static AzureHostOptions Options() => new AzureHostOptions { SubscriptionId = Sub, Location = "westeurope", AccessToken = "replayed-token" };

        /// <summary>
        /// GET of the group 404 (ResourceGroupNotFound), then PUT 201 with the group: the shape of
        /// resources/resource-manager/Microsoft.Resources/stable/2022-09-01/examples/CreateResourceGroup.json (201).
        /// </summary>
        private void ReplayGroupCreated()
        {
            _replay.On("GET", Group + AzureReplay.GroupsApi, 404, "{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group 'containers-web01' could not be found.\"}}")
                .On("PUT", Group + AzureReplay.GroupsApi, 201, "{\"id\":\"" + Group + "\",\"name\":\"containers-web01\",\"type\":\"Microsoft.Resources/resourceGroups\",\"location\":\"westeurope\",\"properties\":{\"provisioningState\":\"Succeeded\"}}");
        }

        /// <summary>
        /// The deployment PUT answered 201 with provisioningState Accepted (the 201 of
        /// resources/resource-manager/Microsoft.Resources/stable/2021-04-01/examples/PutDeploymentResourceGroup.json) and an
        /// Azure-AsyncOperation header; the operation resource polled until a terminal status (its format: "Azure-AsyncOperation
        /// Resource format" in the ARM RPC, Azure/azure-resource-manager-rpc v1.0/async-api-reference.md); when it succeeded, the deployment
        /// GET with its outputs (the 200 body of PutDeploymentResourceGroup.json, the same Deployment_Extended shape).
        /// </summary>
        private void ReplayDeployment(string name, string op, string finalStatus, string outputs, string? error = null)
        {
            string id = Deployments + name;
            string poll = "/subscriptions/" + Sub + "/providers/Microsoft.Resources/operationStatuses/" + op + AzureReplay.DeploymentsApi;
            _replay.On("PUT", id + AzureReplay.DeploymentsApi, 201,
                    "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"Microsoft.Resources/deployments\",\"properties\":{\"templateHash\":\"0000000000000000000\",\"parameters\":{},\"mode\":\"Incremental\",\"provisioningState\":\"Accepted\",\"timestamp\":\"2025-01-14T10:01:58.1165328Z\",\"duration\":\"PT0.2251362S\",\"correlationId\":\"5f8b3c1e-2a4d-4e6f-9b0a-1c2d3e4f5a6b\",\"providers\":[],\"dependencies\":[]}}",
                    ("Azure-AsyncOperation", "https://management.azure.com" + poll), ("Retry-After", "0"))
                .On("GET", poll, 200, "{\"status\":\"Accepted\"}", ("Retry-After", "0"))
                .On("GET", poll, 200, "{\"status\":\"Running\"}", ("Retry-After", "0"))
                .On("GET", poll, 200, "{\"status\":\"" + finalStatus + "\"" + (error == null ? string.Empty : ",\"error\":" + error) + "}");
            if (finalStatus != "Succeeded")
            {
                return; // the operation's error says what failed: the deployment is not read
            }

            _replay.On("GET", id + AzureReplay.DeploymentsApi, 200,
                    "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"Microsoft.Resources/deployments\",\"properties\":{\"templateHash\":\"0000000000000000000\",\"parameters\":{},\"mode\":\"Incremental\",\"provisioningState\":\"Succeeded\",\"timestamp\":\"2025-01-14T10:03:20.7318836Z\",\"duration\":\"PT1M22.6153508S\",\"correlationId\":\"5f8b3c1e-2a4d-4e6f-9b0a-1c2d3e4f5a6b\",\"outputs\":" + outputs + ",\"outputResources\":[]}}");
        }

        /// <summary>
        /// The group DELETE 202 with a Location, that Location 202 while the delete runs and 200 when done: the responses of
        /// ResourceGroups_Delete in resources/resource-manager/Microsoft.Resources/stable/2022-09-01/examples/ForceDeleteVMsInResourceGroup.json,
        /// polled as the ARM RPC's "202 Accepted and Location Headers" describes (v1.0/async-api-reference.md).
        /// </summary>
        private void ReplayGroupDeleted()
        {
            string result = "/subscriptions/" + Sub + "/operationresults/eyJqb2JJZCI6IlJFU09VUkNFR1JPVVBERUxFVElPTkpPQi1DT05UQUlORVJTOjJEV0VCMDEifQ" + AzureReplay.GroupsApi;
            _replay.On("DELETE", Group + AzureReplay.GroupsApi, 202, null, ("Location", "https://management.azure.com" + result), ("Retry-After", "0"))
                .On("GET", result, 202, null, ("Location", "https://management.azure.com" + result), ("Retry-After", "0"))
                .On("GET", result, 200);
        }

        [Fact]
        public async Task Replay_create_deploys_network_then_machine_and_writes_the_host()
        {
            ReplayGroupCreated();
            ReplayDeployment("containers-network", "08584", "Succeeded", "{\"publicIpAddress\":{\"type\":\"String\",\"value\":\"20.61.7.9\"},\"fqdn\":{\"type\":\"String\",\"value\":\"web01-a1b2c3.westeurope.cloudapp.azure.com\"}}");
            ReplayDeployment("containers-machine", "08585", "Succeeded", "{}");
            var creation = new HostCreation("web01", _store);
            IReadOnlyList<ProvisioningStep> steps = Driver(Options()).PlanCreation(creation);
            await new ProvisioningTransaction("web01", steps).RunAsync(new NullOutput(), CancellationToken.None);

            HostRecord record = _store.Get("web01");
            Assert.Equal("20.61.7.9", record.Address);
            Assert.Contains("web01-a1b2c3.westeurope.cloudapp.azure.com", record.ServerNames);
            Assert.Equal("containers-web01", record.DriverSettings.GetProperty("ResourceGroupName").GetString());
            Assert.True(File.Exists(Path.Combine(_store.HostDirectory("web01"), SshKeyPair.FileName)));
            Assert.True(_waited);

            // The caller's address (injected) is what the NSG allows; the machine deployment carries the TLS files only in the secure parameter.
            string network = _replay.Bodies[_replay.Requests.IndexOf("PUT " + Deployments + "containers-network")];
            Assert.Contains("198.51.100.7/32", network);
            string machine = _replay.Bodies[_replay.Requests.IndexOf("PUT " + Deployments + "containers-machine")];
            JsonObject body = JsonNode.Parse(machine)!.AsObject();
            string templateText = body["properties"]!["template"]!.ToJsonString();
            Assert.DoesNotContain("PRIVATE KEY", templateText);
            Assert.DoesNotContain("BEGIN", templateText);
            Assert.DoesNotContain("customData", templateText);
            string script = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)body["properties"]!["parameters"]![AzureTemplates.SetupParameter]!["value"]!["script"]!));
            Assert.Contains("BEGIN PRIVATE KEY", script);
            Assert.Contains("ExecStart=\n", script);
        }

        [Fact]
        public async Task Replay_failed_deployment_deletes_the_group_and_reports_the_step_and_Azures_message()
        {
            ReplayGroupCreated();
            ReplayDeployment("containers-network", "08586", "Failed", "{}", "{\"code\":\"DeploymentFailed\",\"message\":\"At least one resource deployment operation failed.\",\"details\":[{\"code\":\"PublicIPCountLimitReached\",\"message\":\"Cannot create more than 10 public IP addresses for this subscription in this region.\"}]}");
            ReplayGroupDeleted();
            var creation = new HostCreation("web01", _store);
            var failure = await Assert.ThrowsAsync<ProvisioningStepException>(() =>
                new ProvisioningTransaction("web01", Driver(Options()).PlanCreation(creation)).RunAsync(new NullOutput(), CancellationToken.None));

            Assert.Equal("Deploy the network", failure.Step);
            Assert.Contains("PublicIPCountLimitReached", failure.Message);
            Assert.Contains("Cannot create more than 10 public IP addresses", failure.Message);
            Assert.Single(failure.Undone);
            Assert.Empty(failure.UndoFailures);
            Assert.Contains("DELETE " + Group, _replay.Requests);
            Assert.False(_store.Exists("web01"));
        }

        [Fact]
        public async Task Replay_state_comes_from_the_instance_view_power_state()
        {
            // The power actions and the other power states: AzureVmPowerReplayTests.
            HostRecord record = AddRecord();
            // The statuses of compute/.../2023-09-01/examples/virtualMachineExamples/VirtualMachine_Get_InstanceView.json, deallocated.
            _replay.On("GET", Vm + "/instanceView" + AzureReplay.ComputeApi, 200, "{\"statuses\":[{\"code\":\"ProvisioningState/succeeded\",\"level\":\"Info\"},{\"code\":\"PowerState/deallocated\",\"level\":\"Info\",\"displayStatus\":\"VM deallocated\"}]}");
            HostStatus status = await Driver(null).GetStatusAsync(_store, record, CancellationToken.None);
            Assert.Equal(HostState.Stopped, status.State);
            Assert.Contains("deallocated", status.Reason);
        }

        [Fact]
        public async Task Replay_remove_deletes_the_resource_group()
        {
            HostRecord record = AddRecord();
            ReplayGroupDeleted();
            await Driver(null).RemoveAsync(_store, record, CancellationToken.None);
            Assert.Equal("DELETE " + Group, _replay.Requests[0]);
            Assert.Equal(3, _replay.Requests.Count);
        }

        [Fact]
        public void WhatIf_plans_without_calling_Azure_and_bad_input_is_refused()
        {
            IReadOnlyList<ProvisioningStep> steps = Driver(Options()).PlanCreation(new HostCreation("web01", _store));
            string all = string.Join("\n", steps.Select(s => s.WhatItMakes));
            Assert.Contains("Microsoft.Network/networkSecurityGroups", all);
            Assert.Contains("Microsoft.Compute/virtualMachines", all);
            Assert.Empty(_replay.Requests);
            var missing = Assert.Throws<HostDriverException>(() => Driver(new AzureHostOptions { SubscriptionId = Sub }).PlanCreation(new HostCreation("web01", _store)));
            Assert.Contains("-Location", missing.Message);
            var error = Assert.Throws<InvalidParameterException>(() => Driver(new AzureHostOptions { SubscriptionId = Sub, Location = "westeurope", AllowedSourceAddress = new[] { "*" } }).PlanCreation(new HostCreation("web01", _store)));
            Assert.Equal(("AllowedSourceAddress", (object?)"*"), (error.ParamName, error.Value));
            Assert.Contains("-AllowedSourceAddress '*'", error.Message);
            error = Assert.Throws<InvalidParameterException>(() => Driver(new AzureHostOptions { SubscriptionId = "not-a-guid", Location = "westeurope" }).PlanCreation(new HostCreation("web01", _store)));
            Assert.Equal(("InvalidSubscriptionId", ErrorKind.InvalidArgument), (ErrorClassifier.Classify(error, null).ErrorId, ErrorClassifier.Classify(error, null).Kind));
            Assert.Contains("'not-a-guid'", error.Message);
            Assert.Empty(_replay.Requests);
        }

        private HostRecord AddRecord()
        {
            AzureHostPlan plan = AzureHostPlan.FromOptions("web01", Options(), null, "a1b2c3");
            return _store.Add(new NewHost { Name = "web01", Driver = "Azure", Address = "20.61.7.9", DriverSettings = plan.ToSettings(), KeepServerKey = false });
        }

        private sealed class NullOutput : IProvisioningOutput
        {
            public void WriteProgress(int activityId, string activity, string status, string? currentOperation, int percentComplete, bool completed) { }
            public void WriteVerbose(string message) { }
            public void WriteWarning(string message) { }
        }
    }
}
