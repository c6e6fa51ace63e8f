using System.Diagnostics;
using Containers.Azure.Arm;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;
using Xunit;

namespace Containers.Azure.Tests
{
    /// <summary>
    /// The Azure driver's Start, Stop, Restart and state against replayed ARM conversations (no Azure here). The
    /// responses are replays of the real shapes: a VM action POST answered 202 with no body and Azure-AsyncOperation,
    /// Location (the same operation with monitor=true) and Retry-After headers; the Azure-AsyncOperation polls answering
    /// {"startTime","status":"InProgress","operationId"} and then "Succeeded" (with endTime), or "Failed" with Azure's
    /// error; the instance view's statuses with ProvisioningState/... and PowerState/... codes.
    /// </summary>
    public sealed class AzureVmPowerReplayTests : IDisposable
    {
        private const string OperationsPath = "/subscriptions/" + AzureReplay.Sub + "/providers/Microsoft.Compute/locations/westeurope/operations/";

        private readonly AzureReplay _azure = new AzureReplay();

        public void Dispose() => _azure.Dispose();

        /// <summary>
        /// POST .../{action}: 202 with no body and a Location (VirtualMachine_Start_MaximumSet_Gen.json,
        /// VirtualMachine_Deallocate_MaximumSet_Gen.json, VirtualMachine_Restart_MaximumSet_Gen.json in
        /// compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2023-09-01/examples/virtualMachineExamples/), plus
        /// the Azure-AsyncOperation and Retry-After headers compute sends; then the operation resource polled InProgress,
        /// then the final status (its format: "Azure-AsyncOperation Resource format", Azure/azure-resource-manager-rpc
        /// v1.0/async-api-reference.md).
        /// </summary>
        private void ReplayAction(string action, string operationId, string finalPoll, string retryAfter = "0")
        {
            ReplayActionStarted(action, operationId, retryAfter);
            _azure.Replay.On("GET", Poll(operationId), 200, finalPoll);
        }

        /// <summary>The POST and its first poll (InProgress, asking to wait <paramref name="retryAfter"/> seconds).</summary>
        private void ReplayActionStarted(string action, string operationId, string retryAfter)
        {
            string operation = "https://management.azure.com" + Poll(operationId);
            string monitor = "https://management.azure.com" + OperationsPath + operationId + "?p=571046f6-b640-41c1-86f7-f9f044b5adf9&monitor=true&api-version=2023-09-01";
            _azure.Replay.On("POST", AzureReplay.Vm + "/" + action + AzureReplay.ComputeApi, 202, null, ("Azure-AsyncOperation", operation), ("Location", monitor), ("Retry-After", "0"))
                .On("GET", Poll(operationId), 200, "{\"startTime\":\"2025-01-14T10:02:11.5312207+00:00\",\"status\":\"InProgress\",\"name\":\"" + operationId + "\"}", ("Retry-After", retryAfter));
        }

        /// <summary>The Azure-AsyncOperation URL, path and query: the one the driver must poll.</summary>
        private static string Poll(string operationId) => OperationsPath + operationId + "?p=571046f6-b640-41c1-86f7-f9f044b5adf9&api-version=2023-09-01";

        private static string Succeeded(string operationId) =>
            "{\"startTime\":\"2025-01-14T10:02:11.5312207+00:00\",\"endTime\":\"2025-01-14T10:02:41.9437562+00:00\",\"status\":\"Succeeded\",\"name\":\"" + operationId + "\"}";

        /// <summary>The instance view: the shape of VirtualMachine_Get_InstanceView.json (same folder), with the given states.</summary>
        private void ReplayInstanceView(string powerState, string provisioningState = "succeeded") =>
            _azure.Replay.On("GET", AzureReplay.Vm + "/instanceView" + AzureReplay.ComputeApi, 200,
                "{\"platformUpdateDomain\":0,\"platformFaultDomain\":0,\"computerName\":\"web01\",\"osName\":\"ubuntu\",\"osVersion\":\"22.04\",\"vmAgent\":{\"vmAgentVersion\":\"2.12.0.2\",\"statuses\":[{\"code\":\"ProvisioningState/succeeded\",\"level\":\"Info\",\"displayStatus\":\"Ready\",\"message\":\"Guest Agent is running\",\"time\":\"2025-01-14T10:02:40+00:00\"}]},"
                + "\"hyperVGeneration\":\"V2\",\"isVMInStandbyPool\":false,\"statuses\":[{\"code\":\"ProvisioningState/" + provisioningState + "\",\"level\":\"Info\",\"displayStatus\":\"Provisioning " + provisioningState + "\",\"time\":\"2025-01-14T10:02:41.9281249+00:00\"},"
                + "{\"code\":\"PowerState/" + powerState + "\",\"level\":\"Info\",\"displayStatus\":\"VM " + powerState + "\"}]}");

        [Fact]
        public async Task Replay_start_posts_start_polls_the_async_operation_until_Succeeded_then_waits_for_the_engine()
        {
            HostRecord host = _azure.AddHost();
            ReplayAction("start", "4d6c3e0b-0f5a-4b8e-9a52-2f1f4c7c0a11", Succeeded("4d6c3e0b-0f5a-4b8e-9a52-2f1f4c7c0a11"));
            await _azure.Driver().StartAsync(_azure.Store, host, CancellationToken.None);

            Assert.Equal(new[] { "POST " + AzureReplay.Vm + "/start", "GET " + OperationsPath + "4d6c3e0b-0f5a-4b8e-9a52-2f1f4c7c0a11", "GET " + OperationsPath + "4d6c3e0b-0f5a-4b8e-9a52-2f1f4c7c0a11" }, _azure.Replay.Requests);
            Assert.Contains("api-version=" + ArmVirtualMachines.ApiVersion, _azure.Replay.Uris[0].Query);
            // The Azure-AsyncOperation URL is polled (its body carries the status), not the Location one.
            Assert.All(_azure.Replay.Uris.Skip(1), uri => Assert.DoesNotContain("monitor=true", uri.Query));
            Assert.Equal(1, _azure.EngineWaits);
        }

        [Fact]
        public async Task Replay_stop_deallocates_rather_than_powering_off()
        {
            HostRecord host = _azure.AddHost();
            ReplayAction("deallocate", "8b0f3a5e-71c4-4f0e-b7f1-5c3d2e9a6b20", Succeeded("8b0f3a5e-71c4-4f0e-b7f1-5c3d2e9a6b20"));
            await _azure.Driver().StopAsync(_azure.Store, host, CancellationToken.None);

            Assert.Equal("POST " + AzureReplay.Vm + "/deallocate", _azure.Replay.Requests[0]);
            Assert.DoesNotContain(_azure.Replay.Requests, r => r.EndsWith("/powerOff", StringComparison.Ordinal));
            Assert.Equal(3, _azure.Replay.Requests.Count);
            Assert.Equal(0, _azure.EngineWaits);
        }

        [Fact]
        public async Task Replay_restart_of_a_running_VM_reads_its_state_then_posts_restart()
        {
            HostRecord host = _azure.AddHost();
            ReplayInstanceView("running");
            ReplayAction("restart", "c2a7d1f4-3b6e-4d2a-8f0c-9e1b7a5d3c42", Succeeded("c2a7d1f4-3b6e-4d2a-8f0c-9e1b7a5d3c42"));
            await _azure.Driver().RestartAsync(_azure.Store, host, CancellationToken.None);

            Assert.Equal("GET " + AzureReplay.Vm + "/instanceView", _azure.Replay.Requests[0]);
            Assert.Equal("POST " + AzureReplay.Vm + "/restart", _azure.Replay.Requests[1]);
            Assert.Equal(4, _azure.Replay.Requests.Count);
            Assert.Equal(1, _azure.EngineWaits);
        }

        [Fact]
        public async Task Replay_restart_of_a_deallocated_VM_starts_it()
        {
            HostRecord host = _azure.AddHost();
            ReplayInstanceView("deallocated");
            ReplayAction("start", "e5f1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a55", Succeeded("e5f1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a55"));
            await _azure.Driver().RestartAsync(_azure.Store, host, CancellationToken.None);

            Assert.Equal("POST " + AzureReplay.Vm + "/start", _azure.Replay.Requests[1]);
            Assert.DoesNotContain("POST " + AzureReplay.Vm + "/restart", _azure.Replay.Requests);
            Assert.Equal(1, _azure.EngineWaits);
        }

        [Fact]
        public async Task Replay_failed_start_is_reported_with_Azures_code_and_message()
        {
            HostRecord host = _azure.AddHost();
            ReplayAction("start", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c66",
                "{\"startTime\":\"2025-01-14T10:02:11.5312207+00:00\",\"endTime\":\"2025-01-14T10:03:02.1093750+00:00\",\"status\":\"Failed\","
                + "\"error\":{\"code\":\"AllocationFailed\",\"message\":\"Allocation failed. We do not have sufficient capacity for the requested VM size in this region. Read more about improving likelihood of allocation success at http://aka.ms/allocation-guidance\"},"
                + "\"name\":\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c66\"}");
            var failure = await Assert.ThrowsAsync<HostDriverException>(() => _azure.Driver().StartAsync(_azure.Store, host, CancellationToken.None));

            Assert.Contains("web01", failure.Message);
            Assert.Contains("AllocationFailed: Allocation failed. We do not have sufficient capacity", failure.Message);
            var arm = Assert.IsType<ArmRequestException>(failure.InnerException);
            Assert.Equal("AllocationFailed", arm.Code);
            Assert.Equal(0, _azure.EngineWaits);
        }

        [Fact]
        public async Task Replay_refused_action_is_reported_with_Azures_code_and_message()
        {
            HostRecord host = _azure.AddHost();
            // An ARM error response (ErrorResponse of the common types) refusing the action.
            _azure.Replay.On("POST", AzureReplay.Vm + "/deallocate" + AzureReplay.ComputeApi, 409,
                "{\"error\":{\"code\":\"OperationNotAllowed\",\"message\":\"Operation 'deallocate' is not allowed since the Virtual Machine is being created.\"}}");
            var failure = await Assert.ThrowsAsync<HostDriverException>(() => _azure.Driver().StopAsync(_azure.Store, host, CancellationToken.None));

            Assert.Contains("OperationNotAllowed: Operation 'deallocate' is not allowed", failure.Message);
            Assert.Equal(409, Assert.IsType<ArmRequestException>(failure.InnerException).Status);
        }

        [Fact]
        public async Task Replay_state_of_a_running_VM_asks_its_engine()
        {
            HostRecord host = _azure.AddHost();
            ReplayInstanceView("running");
            HostStatus status = await _azure.Driver().GetStatusAsync(_azure.Store, host, CancellationToken.None);
            Assert.Equal(HostState.Running, status.State);
            Assert.Equal("27.5.1", status.EngineVersion);
            Assert.Contains("api-version=" + ArmVirtualMachines.ApiVersion, _azure.Replay.Uris[0].Query);
        }

        [Theory]
        [InlineData("deallocated", "succeeded", HostState.Stopped)]
        [InlineData("stopped", "succeeded", HostState.Stopped)]
        [InlineData("deallocating", "updating", HostState.Stopped)]
        [InlineData("starting", "updating", HostState.Unreachable)]
        public async Task Replay_state_maps_the_instance_views_power_state(string power, string provisioning, HostState expected)
        {
            HostRecord host = _azure.AddHost();
            ReplayInstanceView(power, provisioning);
            HostStatus status = await _azure.Driver().GetStatusAsync(_azure.Store, host, CancellationToken.None);
            Assert.Equal(expected, status.State);
            Assert.Contains("PowerState/" + power, status.Reason);
        }

        [Fact]
        public async Task Replay_state_is_Error_when_Azure_refuses_or_names_no_power_state()
        {
            HostRecord host = _azure.AddHost();
            _azure.Replay.On("GET", AzureReplay.Vm + "/instanceView" + AzureReplay.ComputeApi, 404,
                "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'Microsoft.Compute/virtualMachines/web01' under resource group 'containers-web01' was not found.\"}}");
            HostStatus status = await _azure.Driver().GetStatusAsync(_azure.Store, host, CancellationToken.None);
            Assert.Equal(HostState.Error, status.State);
            Assert.Contains("ResourceNotFound", status.Reason);

            _azure.Replay.On("GET", AzureReplay.Vm + "/instanceView" + AzureReplay.ComputeApi, 200, "{\"statuses\":[{\"code\":\"ProvisioningState/creating\",\"level\":\"Info\"}]}");
            status = await _azure.Driver().GetStatusAsync(_azure.Store, host, CancellationToken.None);
            Assert.Equal(HostState.Error, status.State);
            Assert.Contains("no power state", status.Reason);
        }

        [Fact]
        public async Task Replay_cancellation_while_honouring_Retry_After_ends_promptly()
        {
            // The poll asks for 60 s (the interval is zero here): honouring it means waiting, and cancelling must end the wait.
            HostRecord host = _azure.AddHost();
            ReplayActionStarted("deallocate", "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2a77", retryAfter: "60");
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _azure.Driver().StopAsync(_azure.Store, host, cancellation.Token));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Cancelling took {watch.Elapsed}.");
            Assert.Equal(2, _azure.Replay.Requests.Count); // the POST and the first poll; no second poll is scripted, and none was asked for
        }

        [Fact]
        public async Task Replay_operation_with_only_a_Location_is_polled_until_it_stops_answering_202()
        {
            // Some ARM operations (a resource group delete, for one) give only Location: 202 while running, then 200.
            HostRecord host = _azure.AddHost();
            string location = "https://management.azure.com" + OperationsPath + "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e88?monitor=true&api-version=2023-09-01";
            // The 202 + Location of VirtualMachine_Start_MaximumSet_Gen.json; the Location polled as the ARM RPC describes.
            _azure.Replay.On("POST", AzureReplay.Vm + "/start" + AzureReplay.ComputeApi, 202, null, ("Location", location), ("Retry-After", "0"))
                .On("GET", location.Substring("https://management.azure.com".Length), 202, null, ("Location", location), ("Retry-After", "0"))
                .On("GET", location.Substring("https://management.azure.com".Length), 200);
            await _azure.Driver().StartAsync(_azure.Store, host, CancellationToken.None);
            Assert.Equal(3, _azure.Replay.Requests.Count);
        }
    }
}
