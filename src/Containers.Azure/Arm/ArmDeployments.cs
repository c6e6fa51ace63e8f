using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;

namespace Containers.Azure.Arm
{
    /// <summary>
    /// Template deployments over the bare pipeline: PUT the deployment, wait for it (<see cref="ArmOperation"/>), then
    /// GET the deployment for its outputs. A failed deployment is reported with Azure's own error (code, message and the
    /// first details), which name the resource that failed.
    /// </summary>
    public sealed class ArmDeployments
    {
        public const string ApiVersion = "2021-04-01";

        private readonly ArmConnection _connection;

        public ArmDeployments(ArmConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>The request body: incremental mode, the template, and parameters (secure ones are never returned by Azure).</summary>
        public static JsonObject Body(JsonObject template, JsonObject? parameters) => new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["mode"] = "Incremental",
                ["template"] = template,
                ["parameters"] = parameters ?? new JsonObject(),
            },
        };

        /// <summary>Deploys and waits; returns the outputs by name (their "value" as text).</summary>
        /// <exception cref="ArmRequestException">Azure refused the deployment or it failed.</exception>
        public async Task<IReadOnlyDictionary<string, string>> DeployAsync(string resourceGroup, string name, JsonObject template, JsonObject? parameters, CancellationToken cancellationToken)
        {
            Uri uri = _connection.ResourceUri($"{_connection.ResourceGroupPath(resourceGroup)}/providers/Microsoft.Resources/deployments/{name}", ApiVersion);
            byte[] body = Encoding.UTF8.GetBytes(Body(template, parameters).ToJsonString());
            ArmReply put = await _connection.SendAsync(RequestMethod.Put, uri, body, cancellationToken).ConfigureAwait(false);
            if (put.Status != 200 && put.Status != 201)
            {
                throw ArmErrors.Failure(put, $"Azure refused the deployment '{name}'");
            }

            await ArmOperation.WaitAsync(_connection, put, $"The deployment '{name}'", cancellationToken).ConfigureAwait(false);
            return await ReadOutputsAsync(uri, name, cancellationToken).ConfigureAwait(false);
        }

        private async Task<IReadOnlyDictionary<string, string>> ReadOutputsAsync(Uri uri, string name, CancellationToken cancellationToken)
        {
            ArmReply reply = await _connection.SendAsync(RequestMethod.Get, uri, null, cancellationToken).ConfigureAwait(false);
            if (reply.Status != 200)
            {
                throw ArmErrors.Failure(reply, $"Reading the deployment '{name}' failed");
            }

            using JsonDocument document = reply.Json();
            var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.TryGetProperty("properties", out JsonElement properties))
            {
                string state = properties.TryGetProperty("provisioningState", out JsonElement s) ? s.GetString() ?? string.Empty : string.Empty;
                if (!string.Equals(state, "Succeeded", StringComparison.OrdinalIgnoreCase))
                {
                    (string? code, string message) = ArmErrors.ErrorOf(properties);
                    throw new ArmRequestException($"The deployment '{name}' ended {state}: {message}", reply.Status, code);
                }

                if (properties.TryGetProperty("outputs", out JsonElement values) && values.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty output in values.EnumerateObject())
                    {
                        if (output.Value.ValueKind == JsonValueKind.Object && output.Value.TryGetProperty("value", out JsonElement v))
                        {
                            outputs[output.Name] = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
                        }
                    }
                }
            }

            return outputs;
        }
    }
}
