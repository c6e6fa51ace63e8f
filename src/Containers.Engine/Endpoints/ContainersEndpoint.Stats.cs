using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Streams;

namespace Containers.Engine.Endpoints
{
    /// <summary><c>GET /containers/{id}/stats</c>.</summary>
    public sealed partial class ContainersEndpoint
    {
        private static readonly Version OneShotVersion = new Version(1, 41);

        /// <summary>
        /// Opens the stats stream: JSON frames (<see cref="Models.ContainerStatsResponse"/>), one per second with
        /// <see cref="ContainerStatsParameters.Stream"/>, else one; the caller disposes the reader. Cancelling a read
        /// closes the connection; an engine that dies mid-stream raises <see cref="Errors.EngineConnectionException"/>.
        /// </summary>
        public async Task<JsonValueReader<ContainerStatsResponse>> StatsAsync(string id, ContainerStatsParameters parameters, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("GET", id, "stats");
            request.Query.Add("stream", parameters.Stream);
            if (parameters.OneShot && !parameters.Stream
                && await _client.GetApiVersionAsync(cancellationToken).ConfigureAwait(false) >= OneShotVersion)
            {
                request.Query.Add("one-shot", true);
            }

            // A stream has no end to wait for, and even one frame comes only after the engine's priming reading.
            request.Timeout = ResponseTimeout.None;
            return await _client.SendForValuesAsync<ContainerStatsResponse>(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
