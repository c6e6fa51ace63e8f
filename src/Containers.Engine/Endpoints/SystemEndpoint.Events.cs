using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Http;

namespace Containers.Engine.Endpoints
{
    public sealed partial class SystemEndpoint
    {
        /// <summary>
        /// Opens the event stream: JSON objects, one per event (read them with
        /// <see cref="Streams.JsonValueReader{T}"/> of <see cref="Models.EventMessage"/>). The engine sends the headers at
        /// once, then the past events asked for; it ends the stream itself when <see cref="EventsParameters.Until"/>
        /// is past, and never without it. No response timeout: the stream may stay quiet for as long as nothing happens.
        /// The caller disposes the response; cancelling a read closes the connection.
        /// </summary>
        public Task<EngineResponse> EventsAsync(EventsParameters parameters, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/events") { Timeout = ResponseTimeout.None };
            request.Query.Add("since", parameters.Since).Add("until", parameters.Until).Add("filters", parameters.Filters.ToJson());
            return _client.SendAsync(request, cancellationToken);
        }
    }
}
