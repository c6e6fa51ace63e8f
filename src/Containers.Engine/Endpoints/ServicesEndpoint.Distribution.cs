using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    public sealed partial class ServicesEndpoint
    {
        /// <summary>
        /// Asks the image's registry, through the engine, for the manifest it serves under <paramref name="image"/>
        /// (<c>GET /distribution/{name}/json</c>): the digest a service is pinned to so every node runs the same image
        /// (docker service create --resolve-image always). The engine contacts the registry; a bare name means Docker Hub.
        /// </summary>
        public Task<DistributionInspect> ResolveImageAsync(string image, string? registryAuth, CancellationToken cancellationToken = default)
        {
            // The name keeps its slashes, each part escaped: the engine's route takes the rest of the path as the reference.
            string path = string.Join("/", image.Split('/').Select(part => PathSegment.Escape(part, "image")));
            var request = new EngineRequest("GET", "/distribution/" + path + "/json").About(EngineResourceKind.Image, image);
            AddRegistryAuth(request, registryAuth);
            return _client.SendAsync<DistributionInspect>(request, cancellationToken);
        }
    }
}
