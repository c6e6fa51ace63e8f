using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Containers.Azure.Arm
{
    /// <summary>
    /// Template deployments over the bare pipeline: PUT the deployment, poll its Azure-AsyncOperation URL until the
    /// status is terminal, then GET the deployment for its outputs. A failed deployment is reported with Azure's own
    /// error (code, message and the first details), which name the resource that failed.
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
            using (HttpMessage put = _connection.Pipeline.CreateMessage())
            {
                put.Request.Method = RequestMethod.Put;
                put.Request.Uri.Reset(uri);
                put.Request.Headers.Add("Content-Type", "application/json");
                put.Request.Content = RequestContent.Create(body);
                await _connection.Pipeline.SendAsync(put, cancellationToken).ConfigureAwait(false);
                Response response = put.Response;
                if (response.Status != 200 && response.Status != 201)
                {
                    throw Failure(response, $"Azure refused the deployment '{name}'");
                }

                if (response.Headers.TryGetValue("Azure-AsyncOperation", out string? operation) && !string.IsNullOrEmpty(operation))
                {
                    await PollAsync(new Uri(operation!), name, RetryAfter(response), cancellationToken).ConfigureAwait(false);
                }
            }

            return await ReadOutputsAsync(uri, name, cancellationToken).ConfigureAwait(false);
        }

        private async Task PollAsync(Uri operation, string name, TimeSpan? delay, CancellationToken cancellationToken)
        {
            while (true)
            {
                await Task.Delay(delay ?? _connection.PollInterval, cancellationToken).ConfigureAwait(false);
                using HttpMessage poll = _connection.Pipeline.CreateMessage();
                poll.Request.Method = RequestMethod.Get;
                poll.Request.Uri.Reset(operation);
                await _connection.Pipeline.SendAsync(poll, cancellationToken).ConfigureAwait(false);
                Response response = poll.Response;
                if (response.Status != 200)
                {
                    throw Failure(response, $"Polling the deployment '{name}' failed");
                }

                using JsonDocument document = JsonDocument.Parse(response.Content.ToMemory());
                string status = document.RootElement.TryGetProperty("status", out JsonElement value) ? value.GetString() ?? string.Empty : string.Empty;
                if (string.Equals(status, "Succeeded", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                if (string.Equals(status, "Failed", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "Canceled", StringComparison.OrdinalIgnoreCase))
                {
                    (string? code, string message) = ErrorOf(document.RootElement);
                    throw new ArmRequestException($"The deployment '{name}' {status.ToLowerInvariant()}: {message}", response.Status, code);
                }

                delay = RetryAfter(response);
            }
        }

        private async Task<IReadOnlyDictionary<string, string>> ReadOutputsAsync(Uri uri, string name, CancellationToken cancellationToken)
        {
            using HttpMessage get = _connection.Pipeline.CreateMessage();
            get.Request.Method = RequestMethod.Get;
            get.Request.Uri.Reset(uri);
            await _connection.Pipeline.SendAsync(get, cancellationToken).ConfigureAwait(false);
            Response response = get.Response;
            if (response.Status != 200)
            {
                throw Failure(response, $"Reading the deployment '{name}' failed");
            }

            using JsonDocument document = JsonDocument.Parse(response.Content.ToMemory());
            var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.TryGetProperty("properties", out JsonElement properties))
            {
                string state = properties.TryGetProperty("provisioningState", out JsonElement s) ? s.GetString() ?? string.Empty : string.Empty;
                if (!string.Equals(state, "Succeeded", StringComparison.OrdinalIgnoreCase))
                {
                    (string? code, string message) = ErrorOf(properties);
                    throw new ArmRequestException($"The deployment '{name}' ended {state}: {message}", response.Status, code);
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

        private static TimeSpan? RetryAfter(Response response) =>
            response.Headers.TryGetValue("Retry-After", out string? text) && int.TryParse(text, out int seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : (TimeSpan?)null;

        internal static ArmRequestException Failure(Response response, string what)
        {
            string? code = null;
            string message = response.ReasonPhrase;
            try
            {
                using JsonDocument document = JsonDocument.Parse(response.Content.ToMemory());
                (code, message) = ErrorOf(document.RootElement);
            }
            catch (JsonException)
            {
                // Not JSON: the status line is all there is.
            }

            return new ArmRequestException($"{what} ({response.Status}): {message}", response.Status, code);
        }

        /// <summary>"Code: message" from an ARM error ({error:{code,message,details:[...]}}), with the details that say which resource failed.</summary>
        internal static (string? Code, string Message) ErrorOf(JsonElement element)
        {
            JsonElement error = element.TryGetProperty("error", out JsonElement inner) ? inner : element;
            string? code = error.TryGetProperty("code", out JsonElement c) ? c.GetString() : null;
            string message = error.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? string.Empty : string.Empty;
            var parts = new List<string> { code == null ? message : $"{code}: {message}" };
            if (error.TryGetProperty("details", out JsonElement details) && details.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(details.EnumerateArray().Take(3).Select(detail => ErrorOf(detail)).Select(d => d.Code == null ? d.Message : $"{d.Code}: {d.Message}"));
            }

            return (code, string.Join(" ", parts.Where(p => p.Length > 0)));
        }
    }
}
