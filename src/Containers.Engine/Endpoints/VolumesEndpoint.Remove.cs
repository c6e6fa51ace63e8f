using System.Text.Json.Nodes;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    public sealed partial class VolumesEndpoint
    {
        /// <summary>The first API version whose volume prune leaves named volumes alone unless told <c>all</c>.</summary>
        public static readonly Version NamedVolumePruneVersion = new Version(1, 42);

        /// <summary>
        /// Removes a volume. A volume a container uses (running or not) is a 409 conflict whose message lists the
        /// containers' ids. <paramref name="force"/> only makes the engine forget a volume whose driver fails to remove
        /// it (a plugin that is gone); it never removes a volume in use, and with it a missing volume is not an error.
        /// </summary>
        public Task RemoveAsync(string name, bool force = false, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("DELETE", "/volumes/" + PathSegment.Escape(name, "volume")).About(EngineResourceKind.Volume, name);
            request.Query.AddFlag("force", force);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        /// <summary>
        /// True when this engine's prune can be told to keep named volumes (API 1.42 and later, where that is what it does
        /// unless <c>all</c> is asked for). Before 1.42 prune removes every unused volume, named or anonymous, and the
        /// <c>all</c> filter is refused with 400 "Invalid filter 'all'".
        /// </summary>
        public async Task<bool> PruneCanKeepNamedVolumesAsync(CancellationToken cancellationToken = default) =>
            await _client.GetApiVersionAsync(cancellationToken).ConfigureAwait(false) >= NamedVolumePruneVersion;

        /// <summary>
        /// Removes the volumes no container uses that <paramref name="filters"/> (label, label!) select.
        /// <paramref name="all"/> includes named volumes: sent as the <c>all</c> filter from API 1.42 on, and nothing to
        /// send before, since those engines always include them (see <see cref="PruneCanKeepNamedVolumesAsync"/>: a
        /// caller that wants named volumes kept must check it first).
        /// </summary>
        public async Task<VolumePruneResponse> PruneAsync(Filters? filters = null, bool all = false, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/volumes/prune").About(EngineResourceKind.Volume, null);
            string? json = filters?.ToJson();
            if (all && await PruneCanKeepNamedVolumesAsync(cancellationToken).ConfigureAwait(false))
            {
                // Added to a copy: the caller's filters stay as they were.
                JsonObject withAll = json == null ? new JsonObject() : JsonNode.Parse(json)!.AsObject();
                withAll["all"] = new JsonArray("true");
                json = withAll.ToJsonString();
            }

            request.Query.Add("filters", json);
            request.Timeout = ResponseTimeout.None; // the local driver sizes each volume before removing it
            return await _client.SendAsync<VolumePruneResponse>(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
