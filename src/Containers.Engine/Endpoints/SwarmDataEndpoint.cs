using System.Text.Json;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Json;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>
    /// The endpoints secrets and configs share (<c>/secrets</c>, <c>/configs</c>): list, create, inspect, remove. Only a
    /// swarm manager answers them; any other engine says 503 "This node is not a swarm manager".
    /// </summary>
    public abstract class SwarmDataEndpoint<T>
        where T : SwarmData
    {
        private readonly EngineCalls _client;
        private readonly string _path;
        private readonly EngineResourceKind _kind;

        private protected SwarmDataEndpoint(EngineCalls client, string path, EngineResourceKind kind)
        {
            _client = client;
            _path = path;
            _kind = kind;
        }

        /// <summary>Every one, or those the filters (id, name, label; <c>names</c> for configs too) select. Name and id filters match prefixes.</summary>
        public Task<List<T>> ListAsync(Filters? filters = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", _path);
            request.Query.Add("filters", filters?.ToJson());
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<List<T>>(request, cancellationToken);
        }

        /// <summary>One by its id, or its exact name (the manager also takes a unique id prefix); a missing one is a 404 of this kind.</summary>
        public Task<T> InspectAsync(string idOrName, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", _path + "/" + PathSegment.Escape(idOrName, Noun)).About(_kind, idOrName);
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<T>(request, cancellationToken);
        }

        /// <summary>
        /// Creates one and returns its id. A name taken is a 409. The body carries the data as base64: it is built here
        /// and cleared as soon as it is sent (the caller clears <see cref="SwarmDataSpec.Data"/>), and the request log
        /// never sees a body.
        /// </summary>
        public async Task<string> CreateAsync(SwarmDataSpec spec, CancellationToken cancellationToken = default)
        {
            if (spec == null)
            {
                throw new ArgumentNullException(nameof(spec));
            }

            var request = new EngineRequest("POST", _path + "/create").About(_kind, spec.Name);
            byte[] body = JsonSerializer.SerializeToUtf8Bytes(spec, EngineJson.Options);
            try
            {
                request.Content = RequestContent.FromBytes(body, "application/json");
                SwarmDataCreateResponse created = await _client.SendAsync<SwarmDataCreateResponse>(request, cancellationToken).ConfigureAwait(false);
                return created.ID;
            }
            finally
            {
                Array.Clear(body, 0, body.Length);
            }
        }

        /// <summary>
        /// Removes one by id or name. One a service uses is refused (a 400 in dockerd 20.10: "... is in use by the following
        /// service: NAME").
        /// </summary>
        public Task RemoveAsync(string idOrName, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("DELETE", _path + "/" + PathSegment.Escape(idOrName, Noun)).About(_kind, idOrName);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        private string Noun => _kind.ToString().ToLowerInvariant();
    }
}
