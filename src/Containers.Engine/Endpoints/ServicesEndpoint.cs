using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/services</c> endpoints: a swarm's services and their logs.</summary>
    public sealed partial class ServicesEndpoint
    {
        /// <summary>The first API version whose service listing can count running and desired tasks (<c>status=true</c>).</summary>
        public static readonly Version StatusVersion = new Version(1, 41);

        private readonly EngineCalls _client;

        internal ServicesEndpoint(EngineCalls client)
        {
            _client = client;
        }

        /// <summary>
        /// Every service, or those the filters (id, name, label, mode) select, with their task counts
        /// (<see cref="Service.ServiceStatus"/>) where the engine can give them (API 1.41 and later).
        /// </summary>
        public async Task<List<Service>> ListAsync(Filters? filters = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/services");
            request.Query.Add("filters", filters?.ToJson());
            if (await _client.GetApiVersionAsync(cancellationToken).ConfigureAwait(false) >= StatusVersion)
            {
                request.Query.Add("status", "true");
            }

            return await _client.SendAsync<List<Service>>(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>One service by id, id prefix or name; a missing one is a service 404.</summary>
        public Task<Service> InspectAsync(string idOrName, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("GET", idOrName, null);
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<Service>(request, cancellationToken);
        }

        /// <summary>
        /// Creates a service. <paramref name="registryAuth"/> (X-Registry-Auth) goes with it so the nodes can pull a
        /// private image (docker service create --with-registry-auth); null sends none. A name in use is a 409.
        /// </summary>
        public Task<ServiceCreateResponse> CreateAsync(ServiceSpec spec, string? registryAuth = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/services/create").About(EngineResourceKind.Service, spec.Name);
            AddRegistryAuth(request, registryAuth);
            request.Content = EngineCalls.JsonContent(spec);
            return _client.SendAsync<ServiceCreateResponse>(request, cancellationToken);
        }

        /// <summary>
        /// Replaces a service's spec with <paramref name="spec"/> (sent whole), if the service is still at
        /// <paramref name="version"/>: the manager refuses an update made on an older read ("update out of sequence").
        /// With <paramref name="rollback"/> the manager goes back to the previous spec instead (the spec sent is then
        /// the current one). <paramref name="registryAuth"/> goes as X-Registry-Auth; without it the service keeps the
        /// login it was given (<c>registryAuthFrom=spec</c>).
        /// </summary>
        public Task<ServiceUpdateResponse> UpdateAsync(string id, ulong version, ServiceSpec spec, bool rollback = false, string? registryAuth = null, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", id, "update");
            request.Query.Add("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (rollback)
            {
                request.Query.Add("rollback", "previous");
            }
            else if (registryAuth == null)
            {
                request.Query.Add("registryAuthFrom", "spec");
            }

            AddRegistryAuth(request, registryAuth);
            request.Content = EngineCalls.JsonContent(spec);
            return _client.SendAsync<ServiceUpdateResponse>(request, cancellationToken);
        }

        /// <summary>Removes a service; the swarm then stops and removes its tasks.</summary>
        public Task RemoveAsync(string idOrName, CancellationToken cancellationToken = default) =>
            _client.SendNoContentAsync(Request("DELETE", idOrName, null), cancellationToken);

        private static void AddRegistryAuth(EngineRequest request, string? registryAuth)
        {
            if (registryAuth != null)
            {
                request.Headers[RegistryAuthHeader.Name] = registryAuth;
            }
        }

        private static EngineRequest Request(string method, string idOrName, string? action) =>
            new EngineRequest(method, "/services/" + PathSegment.Escape(idOrName, "service") + (action == null ? string.Empty : "/" + action))
                .About(EngineResourceKind.Service, idOrName);
    }
}
