using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    public sealed partial class VolumesEndpoint
    {
        /// <summary>
        /// Creates a volume and returns it as the engine holds it. Creating a name that exists with the same driver is not
        /// an error: the engine answers 201 with the existing volume, its labels and options unchanged (dockerd 20.10
        /// ignores the ones sent). The only 404 create gives is a volume plugin that is not installed, so a 404 is about
        /// the driver.
        /// </summary>
        public Task<Volume> CreateAsync(VolumeCreateRequest body, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/volumes/create").About(EngineResourceKind.Plugin, body.Driver ?? "local");
            request.Content = EngineCalls.JsonContent(body);
            return _client.SendAsync<Volume>(request, cancellationToken);
        }
    }
}
