using System.Text.Json;
using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Json;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Engine.Streams;

namespace Containers.Engine.Endpoints
{
    /// <summary>
    /// The <c>/images</c> endpoints, with <c>/build</c> and <c>/commit</c>. Pull, push, load and build answer with a
    /// JSON message stream, returned as a <see cref="JsonMessageReader"/> (whose messages may carry errors despite the
    /// 200); save answers with a tar stream. Those have no time limit; the caller disposes what they return, and a
    /// stream the engine cuts short raises <see cref="EngineConnectionException"/> when read.
    /// </summary>
    public sealed class ImagesEndpoint
    {
        private readonly EngineCalls _client;

        internal ImagesEndpoint(EngineCalls client)
        {
            _client = client;
        }

        public Task<List<ImageSummary>> ListAsync(ImageListParameters parameters, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/images/json");
            request.Query.AddFlag("all", parameters.All).Add("filters", parameters.Filters.ToJson());
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<List<ImageSummary>>(request, cancellationToken);
        }

        public Task<ImageInspect> InspectAsync(string name, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("GET", name, "json");
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<ImageInspect>(request, cancellationToken);
        }

        public Task<List<ImageHistoryItem>> HistoryAsync(string name, CancellationToken cancellationToken = default) =>
            _client.SendAsync<List<ImageHistoryItem>>(Request("GET", name, "history"), cancellationToken);

        /// <summary>
        /// Pulls one reference: its tag, or its digest when it has one (never every tag of the repository, which an
        /// empty tag would ask for). <paramref name="registryAuth"/> is the X-Registry-Auth value for its registry.
        /// </summary>
        public Task<JsonMessageReader> PullAsync(ImageReference reference, string? registryAuth = null, string? platform = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/images/create").About(EngineResourceKind.Image, reference.ToFamiliarString());
            request.Query.Add("fromImage", reference.FamiliarRepository).Add("tag", reference.Digest ?? reference.Tag ?? ImageReference.DefaultTag)
                .Add("platform", platform);
            request.Headers[RegistryAuthHeader.Name] = registryAuth ?? RegistryAuthHeader.Anonymous;
            request.Timeout = ResponseTimeout.None;
            return _client.SendForMessagesAsync(request, cancellationToken);
        }

        /// <summary>Pushes one tag of a repository. The engine refuses a push without X-Registry-Auth, so "none" is sent as <c>{}</c>.</summary>
        public Task<JsonMessageReader> PushAsync(ImageReference reference, string? registryAuth = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/images/" + PathSegment.Escape(reference.FamiliarRepository, "image") + "/push")
                .About(EngineResourceKind.Image, reference.ToFamiliarString());
            request.Query.Add("tag", reference.Tag ?? ImageReference.DefaultTag);
            request.Headers[RegistryAuthHeader.Name] = registryAuth ?? RegistryAuthHeader.Anonymous;
            request.Timeout = ResponseTimeout.None;
            return _client.SendForMessagesAsync(request, cancellationToken);
        }

        /// <summary>Gives the image <paramref name="source"/> (name or id) the further name <paramref name="target"/>.</summary>
        public Task TagAsync(string source, ImageReference target, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", source, "tag");
            request.Query.Add("repo", target.FamiliarRepository).Add("tag", target.Tag ?? ImageReference.DefaultTag);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        /// <summary>Removes a name, and the image once no name is left; <paramref name="force"/> also removes it from under stopped containers.</summary>
        public Task<List<ImageDeleteResponseItem>> RemoveAsync(string name, bool force = false, bool noPrune = false, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("DELETE", "/images/" + PathSegment.Escape(name, "image")).About(EngineResourceKind.Image, name);
            request.Query.AddFlag("force", force).AddFlag("noprune", noPrune);
            return _client.SendAsync<List<ImageDeleteResponseItem>>(request, cancellationToken);
        }

        /// <summary>Removes unused images: dangling ones only, unless the filters say <c>dangling=false</c> (docker image prune -a).</summary>
        public Task<ImagePruneResponse> PruneAsync(Filters? filters = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/images/prune");
            request.Query.Add("filters", filters?.ToJson());
            return _client.SendAsync<ImagePruneResponse>(request, cancellationToken);
        }

        /// <summary>
        /// A tar of the named images with their layers and names (docker save), streamed; the caller disposes it. It ends
        /// only where the engine's answer ends: a cut raises <see cref="EngineConnectionException"/> from a read.
        /// </summary>
        public Task<Stream> SaveAsync(IEnumerable<string> names, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/images/get").About(EngineResourceKind.Image, null);
            foreach (string name in names)
            {
                request.Query.Add("names", name);
            }

            request.Timeout = ResponseTimeout.None;
            return _client.SendForStreamAsync(request, cancellationToken);
        }

        /// <summary>Loads images from a tar docker save wrote, streamed from <paramref name="tar"/>; the answer is a message stream.</summary>
        public Task<JsonMessageReader> LoadAsync(Stream tar, bool quiet = false, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/images/load");
            request.Query.Add("quiet", quiet);
            request.Content = RequestContent.FromStream(tar, "application/x-tar");
            request.Timeout = ResponseTimeout.None;
            return _client.SendForMessagesAsync(request, cancellationToken);
        }

        /// <summary>
        /// Builds from a context tar streamed from <paramref name="context"/>, with the classic builder's JSON output
        /// (<c>version=1</c>; the image id arrives in an <c>aux</c> message). <paramref name="registryConfig"/> is the
        /// X-Registry-Config value for base images behind a login.
        /// </summary>
        public Task<JsonMessageReader> BuildAsync(Stream context, ImageBuildParameters parameters, string? registryConfig = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/build");
            request.Query.Add("dockerfile", parameters.Dockerfile);
            foreach (string tag in parameters.Tags)
            {
                request.Query.Add("t", tag);
            }

            request.Query.Add("target", parameters.Target).AddFlag("nocache", parameters.NoCache).AddFlag("pull", parameters.Pull)
                .Add("platform", parameters.Platform).Add("rm", true).Add("version", "1");
            if (parameters.BuildArgs.Count > 0)
            {
                request.Query.Add("buildargs", JsonSerializer.Serialize(parameters.BuildArgs, EngineJson.Options));
            }

            if (parameters.Labels.Count > 0)
            {
                request.Query.Add("labels", JsonSerializer.Serialize(parameters.Labels, EngineJson.Options));
            }

            if (registryConfig != null)
            {
                request.Headers["X-Registry-Config"] = registryConfig;
            }

            request.Content = RequestContent.FromStream(context, "application/x-tar");
            request.Timeout = ResponseTimeout.None;
            return _client.SendForMessagesAsync(request, cancellationToken);
        }

        /// <summary>Makes an image of a container's filesystem and settings (docker commit); returns the new image's id.</summary>
        public async Task<string> CommitAsync(string container, ContainerCommitParameters parameters, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/commit").About(EngineResourceKind.Container, container);
            request.Query.Add("container", container.TrimStart('/')).Add("repo", parameters.Repository).Add("tag", parameters.Tag)
                .Add("comment", parameters.Comment).Add("author", parameters.Author).Add("pause", parameters.Pause);
            foreach (string change in parameters.Changes)
            {
                request.Query.Add("changes", change);
            }

            request.Timeout = ResponseTimeout.None; // a large filesystem takes as long as it takes
            IdResponse made = await _client.SendAsync<IdResponse>(request, cancellationToken).ConfigureAwait(false);
            return made.Id;
        }

        /// <summary>Searches a registry's index (Docker Hub unless the term names a registry).</summary>
        public Task<List<ImageSearchResult>> SearchAsync(string term, int? limit = null, Filters? filters = null, string? registryAuth = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/images/search");
            request.Query.Add("term", term).Add("limit", limit).Add("filters", filters?.ToJson());
            request.Headers[RegistryAuthHeader.Name] = registryAuth ?? RegistryAuthHeader.Anonymous;
            return _client.SendAsync<List<ImageSearchResult>>(request, cancellationToken);
        }

        private static EngineRequest Request(string method, string name, string action) =>
            new EngineRequest(method, "/images/" + PathSegment.Escape(name, "image") + "/" + action).About(EngineResourceKind.Image, name);
    }
}
