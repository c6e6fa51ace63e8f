using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Json;
using Containers.Engine.Models;
using Containers.Engine.Streams;

namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/containers</c> endpoints.</summary>
    public sealed partial class ContainersEndpoint
    {
        private readonly EngineCalls _client;

        internal ContainersEndpoint(EngineCalls client)
        {
            _client = client;
        }

        public Task<List<ContainerSummary>> ListAsync(ContainerListParameters parameters, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/containers/json");
            request.Query.AddFlag("all", parameters.All).Add("limit", parameters.Limit).AddFlag("size", parameters.Size)
                .Add("filters", parameters.Filters.ToJson());
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<List<ContainerSummary>>(request, cancellationToken);
        }

        public Task<ContainerInspect> InspectAsync(string id, bool size = false, CancellationToken cancellationToken = default)
        {
            var request = Request("GET", id, "json");
            request.Query.AddFlag("size", size);
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<ContainerInspect>(request, cancellationToken);
        }

        /// <summary>
        /// Creates a container. <paramref name="overrides"/>, when given, is merged over the serialised request: the raw
        /// escape hatch for settings this model does not name.
        /// </summary>
        public Task<ContainerCreateResponse> CreateAsync(string? name, ContainerCreateRequest body, JsonObject? overrides = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/containers/create").About(EngineResourceKind.Image, body.Image);
            request.Query.Add("name", string.IsNullOrEmpty(name) ? null : name!.TrimStart('/'));
            if (overrides == null)
            {
                request.Content = EngineCalls.JsonContent(body);
            }
            else
            {
                JsonObject merged = JsonSerializer.SerializeToNode(body, EngineJson.Options)!.AsObject();
                JsonMerge.Into(merged, overrides);
                request.Content = RequestContent.FromBytes(JsonSerializer.SerializeToUtf8Bytes(merged, EngineJson.Options), "application/json");
            }

            return _client.SendAsync<ContainerCreateResponse>(request, cancellationToken);
        }

        /// <summary>Starts a container. False when it was already running (304).</summary>
        public async Task<bool> StartAsync(string id, CancellationToken cancellationToken = default) =>
            await _client.SendNoContentAsync(Request("POST", id, "start"), cancellationToken).ConfigureAwait(false) != HttpStatusCode.NotModified;

        /// <summary>Stops a container, killing it after <paramref name="timeoutSeconds"/>. False when it was not running (304).</summary>
        public async Task<bool> StopAsync(string id, int? timeoutSeconds = null, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", id, "stop");
            request.Query.Add("t", timeoutSeconds);
            WaitsForGracePeriod(request, timeoutSeconds);
            return await _client.SendNoContentAsync(request, cancellationToken).ConfigureAwait(false) != HttpStatusCode.NotModified;
        }

        public Task RestartAsync(string id, int? timeoutSeconds = null, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", id, "restart");
            request.Query.Add("t", timeoutSeconds);
            WaitsForGracePeriod(request, timeoutSeconds);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        public Task KillAsync(string id, string? signal = null, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", id, "kill");
            request.Query.Add("signal", signal);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        public Task PauseAsync(string id, CancellationToken cancellationToken = default) =>
            _client.SendNoContentAsync(Request("POST", id, "pause"), cancellationToken);

        public Task UnpauseAsync(string id, CancellationToken cancellationToken = default) =>
            _client.SendNoContentAsync(Request("POST", id, "unpause"), cancellationToken);

        public Task RenameAsync(string id, string newName, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", id, "rename");
            request.Query.Add("name", newName.TrimStart('/'));
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        public Task RemoveAsync(string id, bool force = false, bool removeVolumes = false, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("DELETE", "/containers/" + PathSegment.Escape(id, "container")).About(EngineResourceKind.Container, id);
            request.Query.AddFlag("force", force).AddFlag("v", removeVolumes);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        /// <summary>
        /// Starts waiting for the container to reach <paramref name="condition"/> (<c>not-running</c>, <c>next-exit</c>,
        /// <c>removed</c>). The returned task completes once the engine has registered the wait, which is what lets
        /// <c>run</c> start the container only after waiting began; the inner task completes when the condition is met.
        /// </summary>
        public async Task<Task<ContainerWaitResponse>> BeginWaitAsync(string id, string? condition = null, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", id, "wait");
            request.Query.Add("condition", condition);
            request.Timeout = ResponseTimeout.None;
            EngineResponse response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ReadWaitAsync(response, cancellationToken);
        }

        private static async Task<ContainerWaitResponse> ReadWaitAsync(EngineResponse response, CancellationToken cancellationToken)
        {
            using (response)
            {
                byte[] body = await response.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
                if (body.Length == 0)
                {
                    // The connection ended before the answer: the engine stopped or restarted while we waited.
                    throw new EngineConnectionException("The engine ended a wait without saying how the container exited; did the engine stop?");
                }

                try
                {
                    return JsonSerializer.Deserialize<ContainerWaitResponse>(body, EngineJson.Options)
                        ?? throw new EngineException("The engine ended a wait without saying how the container exited.");
                }
                catch (JsonException e)
                {
                    throw new EngineException("The engine's answer to a wait is not the JSON expected: " + e.Message, response.StatusCode, e);
                }
            }
        }

        public async Task<ContainerWaitResponse> WaitAsync(string id, string? condition = null, CancellationToken cancellationToken = default)
        {
            Task<ContainerWaitResponse> wait = await BeginWaitAsync(id, condition, cancellationToken).ConfigureAwait(false);
            return await wait.ConfigureAwait(false);
        }

        /// <summary>
        /// Opens the log stream. Framed (stdout/stderr headers) unless the container has a TTY, which is what
        /// <paramref name="tty"/> says (the container's <c>Config.Tty</c>); the caller disposes the reader.
        /// On a unix socket the stream has a connection of its own used with blocking calls (dockerd flushes every line
        /// separately, and .NET's async sockets on Linux pay a thread hand-off per flush), so connecting, and every read
        /// of the body, block the thread that makes them, even through ReadAsync; run the reading loop on a thread
        /// that may block. Cancelling the token given to a read closes the connection and the read throws
        /// <see cref="System.OperationCanceledException"/>; an engine that dies mid-stream raises
        /// <see cref="EngineConnectionException"/> (a followed log never just stops).
        /// </summary>
        public Task<MultiplexedStreamReader> LogsAsync(string id, ContainerLogsParameters parameters, bool tty, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("GET", id, "logs");
            request.Query.AddFlag("stdout", parameters.Stdout).AddFlag("stderr", parameters.Stderr).AddFlag("follow", parameters.Follow)
                .AddFlag("timestamps", parameters.Timestamps).Add("since", parameters.Since).Add("until", parameters.Until)
                .Add("tail", parameters.Tail?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all");
            request.Timeout = ResponseTimeout.None;
            request.ReadBodyOnDedicatedBlockingConnection = true;
            return _client.SendForOutputAsync(request, tty, cancellationToken);
        }

        /// <summary>Attaches to the container's standard streams over a hijacked connection.</summary>
        public Task<HijackedStream> AttachAsync(string id, ContainerAttachParameters parameters, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", id, "attach");
            request.Query.Add("stream", true).AddFlag("stdin", parameters.Stdin).AddFlag("stdout", parameters.Stdout)
                .AddFlag("stderr", parameters.Stderr).AddFlag("logs", parameters.Logs).Add("detachKeys", parameters.DetachKeys);
            request.Timeout = ResponseTimeout.None;
            return _client.HijackAsync(request, cancellationToken);
        }

        public Task ResizeAsync(string id, int height, int width, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", id, "resize");
            request.Query.Add("h", height).Add("w", width);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        public Task<ContainerPruneResponse> PruneAsync(Filters? filters = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/containers/prune");
            request.Query.Add("filters", filters?.ToJson());
            return _client.SendAsync<ContainerPruneResponse>(request, cancellationToken);
        }

        private static EngineRequest Request(string method, string id, string action) =>
            new EngineRequest(method, "/containers/" + PathSegment.Escape(id, "container") + "/" + action).About(EngineResourceKind.Container, id);

        // The engine answers stop and restart only after the grace period, so the header wait must include it.
        private static void WaitsForGracePeriod(EngineRequest request, int? timeoutSeconds)
        {
            request.Timeout = ResponseTimeout.Extended;
            request.ExtraTime = TimeSpan.FromSeconds(timeoutSeconds is int seconds && seconds >= 0 ? seconds : 10);
            if (timeoutSeconds is int infinite && (infinite < 0 || infinite > LongestTimedGracePeriodSeconds))
            {
                // -1: wait for as long as the process takes to stop. A grace period of weeks is as good as that, and a
                // timer cannot measure it: the wait would overflow what CancelAfter takes (int.MaxValue ms, 24.8 days).
                request.Timeout = ResponseTimeout.None;
            }
        }

        // Leaves the ordinary response limit room beside the grace period under CancelAfter's 24.8 days.
        private const int LongestTimedGracePeriodSeconds = 20 * 24 * 60 * 60;
    }
}
