using System.Text.Json;
using Azure.Core;
using Containers.Azure.Templates;

namespace Containers.Azure.Arm
{
    /// <summary>
    /// A VM's power operations and power state as raw ARM requests over the connection's pipeline, waited for as the
    /// deployments are (<see cref="ArmOperation"/>). Not through Azure.ResourceManager.Compute 1.2.0: over Azure.Core 1.50
    /// its deallocate threw ObjectDisposedException inside Azure.Core's polling, and it was one more assembly to load.
    /// </summary>
    public sealed class ArmVirtualMachines
    {
        /// <summary>The Compute API version the templates use too.</summary>
        public const string ApiVersion = AzureTemplates.ComputeApi;

        private const string PowerStatePrefix = "PowerState/";

        private readonly ArmConnection _connection;

        public ArmVirtualMachines(ArmConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        public Task StartAsync(string resourceGroup, string vm, CancellationToken cancellationToken) =>
            ActAsync(resourceGroup, vm, "start", "Starting", cancellationToken);

        /// <summary>
        /// Deallocate, not powerOff: a VM that is only powered off keeps its hardware allocated and Azure goes on
        /// charging for its compute; a deallocated one is billed for its disks and static IP alone.
        /// </summary>
        public Task DeallocateAsync(string resourceGroup, string vm, CancellationToken cancellationToken) =>
            ActAsync(resourceGroup, vm, "deallocate", "Deallocating", cancellationToken);

        public Task RestartAsync(string resourceGroup, string vm, CancellationToken cancellationToken) =>
            ActAsync(resourceGroup, vm, "restart", "Restarting", cancellationToken);

        /// <summary>The power state from the instance view ("running", "deallocated", "stopped", "starting", ...), lower case, or null when it names none.</summary>
        /// <exception cref="ArmRequestException">Azure refused the read (the VM or its group is gone, no access, ...).</exception>
        public async Task<string?> GetPowerStateAsync(string resourceGroup, string vm, CancellationToken cancellationToken)
        {
            ArmReply reply = await _connection.SendAsync(RequestMethod.Get, Uri(resourceGroup, vm, "instanceView"), null, cancellationToken).ConfigureAwait(false);
            if (reply.Status != 200)
            {
                throw ArmErrors.Failure(reply, $"Reading the state of the VM '{vm}' failed");
            }

            using JsonDocument document = reply.Json();
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("statuses", out JsonElement statuses)
                || statuses.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (JsonElement status in statuses.EnumerateArray())
            {
                string? code = status.ValueKind == JsonValueKind.Object && status.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                if (code != null && code.StartsWith(PowerStatePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    return code.Substring(PowerStatePrefix.Length).ToLowerInvariant();
                }
            }

            return null;
        }

        /// <summary>POST the action; Azure answers 202 with Azure-AsyncOperation and Location (or 200 when there was nothing to do).</summary>
        private async Task ActAsync(string resourceGroup, string vm, string action, string doing, CancellationToken cancellationToken)
        {
            ArmReply reply = await _connection.SendAsync(RequestMethod.Post, Uri(resourceGroup, vm, action), Array.Empty<byte>(), cancellationToken).ConfigureAwait(false);
            if (reply.Status != 200 && reply.Status != 202)
            {
                throw ArmErrors.Failure(reply, $"Azure refused to {action} the VM '{vm}'");
            }

            await ArmOperation.WaitAsync(_connection, reply, $"{doing} the VM '{vm}'", cancellationToken).ConfigureAwait(false);
        }

        private Uri Uri(string resourceGroup, string vm, string action) =>
            _connection.ResourceUri($"{_connection.ResourceGroupPath(resourceGroup)}/providers/Microsoft.Compute/virtualMachines/{vm}/{action}", ApiVersion);
    }
}
