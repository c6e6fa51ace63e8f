using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Streams;

namespace Containers.Engine.Endpoints
{
    public sealed partial class SystemEndpoint
    {
        /// <summary>
        /// Opens the event stream: JSON objects, one per event. The engine sends the headers at
        /// once, then the past events asked for; it ends the stream itself when <see cref="EventsParameters.Until"/>
        /// is past, and never without it. No response timeout: the stream may stay quiet for as long as nothing happens.
        /// The caller disposes the reader; cancelling a read closes the connection, and an engine that dies mid-stream
        /// raises <see cref="Errors.EngineConnectionException"/> (a followed stream never just stops).
        /// </summary>
        public Task<JsonValueReader<EventMessage>> EventsAsync(EventsParameters parameters, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/events") { Timeout = ResponseTimeout.None };
            request.Query.Add("since", parameters.Since).Add("until", parameters.Until).Add("filters", parameters.Filters.ToJson());
            return _client.SendForValuesAsync<EventMessage>(request, cancellationToken);
        }
    }
}
