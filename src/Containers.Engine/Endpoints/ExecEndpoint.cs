using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The exec endpoints: run a further process inside a running container.</summary>
    public sealed class ExecEndpoint
    {
        private readonly EngineCalls _client;

        internal ExecEndpoint(EngineCalls client)
        {
            _client = client;
        }

        public Task<ExecCreateResponse> CreateAsync(string containerId, ExecCreateRequest body, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/containers/" + PathSegment.Escape(containerId, "container") + "/exec")
                .About(EngineResourceKind.Container, containerId);
            request.Content = EngineCalls.JsonContent(body);
            return _client.SendAsync<ExecCreateResponse>(request, cancellationToken);
        }

        /// <summary>Starts the exec attached: the returned stream carries its output (framed unless <paramref name="tty"/>) and takes its input.</summary>
        public Task<HijackedStream> StartAttachedAsync(string execId, bool tty, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", execId, "start");
            request.Content = EngineCalls.JsonContent(new ExecStartRequest { Detach = false, Tty = tty });
            request.Timeout = ResponseTimeout.None;
            return _client.HijackAsync(request, cancellationToken);
        }

        public Task StartDetachedAsync(string execId, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", execId, "start");
            request.Content = EngineCalls.JsonContent(new ExecStartRequest { Detach = true });
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        public Task<ExecInspect> InspectAsync(string execId, CancellationToken cancellationToken = default) =>
            _client.SendAsync<ExecInspect>(Request("GET", execId, "json"), cancellationToken);

        public Task ResizeAsync(string execId, int height, int width, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", execId, "resize");
            request.Query.Add("h", height).Add("w", width);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        private static EngineRequest Request(string method, string execId, string action) =>
            new EngineRequest(method, "/exec/" + PathSegment.Escape(execId, "exec") + "/" + action).About(EngineResourceKind.Exec, execId);
    }
}
