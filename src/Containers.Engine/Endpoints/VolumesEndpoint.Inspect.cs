using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    public sealed partial class VolumesEndpoint
    {
        /// <summary>One volume by its exact name (volumes have no ids or prefixes); a missing one is a volume 404.</summary>
        public Task<Volume> InspectAsync(string name, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/volumes/" + PathSegment.Escape(name, "volume")).About(EngineResourceKind.Volume, name);
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<Volume>(request, cancellationToken);
        }

        /// <summary>
        /// Every volume with its size and the number of containers using it, from <c>GET /system/df</c>. The local driver
        /// walks each volume's files to size it, so this is slow on big volumes. From API 1.42 the engine can be asked for
        /// the volumes alone (<c>type=volume</c>); before that it also sizes images and containers, whose part is ignored.
        /// </summary>
        public async Task<VolumeUsageResponse> UsageAsync(CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/system/df");
            if (await _client.GetApiVersionAsync(cancellationToken).ConfigureAwait(false) >= TypedDiskUsageVersion)
            {
                request.Query.Add("type", "volume");
            }

            request.Timeout = ResponseTimeout.None; // sizing takes as long as the files take to walk
            return await _client.SendAsync<VolumeUsageResponse>(request, cancellationToken).ConfigureAwait(false);
        }

        private static readonly Version TypedDiskUsageVersion = new Version(1, 42);
    }
}
