using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>
    /// The archive endpoints (what docker cp and docker export use): a path's stat, a path as a tar stream, a tar
    /// unpacked into a directory, and the whole filesystem as a tar stream. The streams have no time limit.
    /// </summary>
    public sealed partial class ContainersEndpoint
    {
        private const string FileNotFoundPrefix = "Could not find the file";

        /// <summary><c>HEAD /containers/{id}/archive?path=</c>: what is at <paramref name="path"/> in the container.</summary>
        /// <exception cref="EngineNotFoundException">
        /// The container (<see cref="EngineResourceKind.Container"/>) or the path (<see cref="EngineResourceKind.ContainerPath"/>) does not exist.
        /// </exception>
        public async Task<ContainerPathStat> StatPathAsync(string id, string path, CancellationToken cancellationToken = default)
        {
            EngineRequest request = ArchiveRequest("HEAD", id, path);
            EngineResponse response;
            try
            {
                response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineNotFoundException)
            {
                // A HEAD answer has no body to say what was missing: asking for the container tells the two apart.
                await InspectAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
                throw PathNotFound(id, path, null);
            }

            using (response)
            {
                return ReadStat(response, request);
            }
        }

        /// <summary>
        /// <c>GET /containers/{id}/archive?path=</c>: the path as a tar stream, its entries named from the path's last
        /// element (a path ending in <c>/.</c> gives the directory's contents). Dispose the archive.
        /// </summary>
        public async Task<ContainerArchive> GetArchiveAsync(string id, string path, CancellationToken cancellationToken = default)
        {
            EngineRequest request = ArchiveRequest("GET", id, path);
            request.Timeout = ResponseTimeout.None;
            EngineResponse response;
            try
            {
                response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineNotFoundException e) when (e.Message.StartsWith(FileNotFoundPrefix, StringComparison.Ordinal))
            {
                throw PathNotFound(id, path, e.Message);
            }

            try
            {
                return new ContainerArchive(ReadStat(response, request), response.Content);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        /// <summary>
        /// <c>PUT /containers/{id}/archive?path=</c>: unpacks <paramref name="tar"/> (streamed as it is read) into the
        /// directory <paramref name="path"/>, which must exist.
        /// </summary>
        /// <param name="noOverwriteDirNonDir">Refuse (400) to replace a directory with a non-directory or the reverse.</param>
        /// <exception cref="EngineNotFoundException">The container, or the directory (<see cref="EngineResourceKind.ContainerPath"/>), does not exist.</exception>
        /// <exception cref="EngineBadRequestException">The path is not a directory, or a replacement the flag forbids.</exception>
        /// <exception cref="EngineAuthenticationException">403: the path is on a read-only filesystem or volume.</exception>
        public async Task PutArchiveAsync(string id, string path, Stream tar, bool noOverwriteDirNonDir = true, CancellationToken cancellationToken = default)
        {
            EngineRequest request = ArchiveRequest("PUT", id, path);
            request.Query.AddFlag("noOverwriteDirNonDir", noOverwriteDirNonDir);
            request.Content = RequestContent.FromStream(tar, "application/x-tar");
            request.Timeout = ResponseTimeout.None;
            try
            {
                await _client.SendNoContentAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineNotFoundException e) when (e.Message.StartsWith(FileNotFoundPrefix, StringComparison.Ordinal))
            {
                throw PathNotFound(id, path, e.Message);
            }
        }

        /// <summary>
        /// <c>GET /containers/{id}/export</c>: the container's whole filesystem as a tar stream; dispose it. It ends only
        /// where the engine's answer ends: an engine that dies part-way raises <see cref="EngineConnectionException"/>
        /// from a read, so a cut export never passes for a whole one.
        /// </summary>
        public Task<Stream> ExportAsync(string id, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("GET", id, "export");
            request.Timeout = ResponseTimeout.None;
            return _client.SendForStreamAsync(request, cancellationToken);
        }

        private static EngineRequest ArchiveRequest(string method, string id, string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                throw new ArgumentException("A path inside the container is needed.", nameof(path));
            }

            EngineRequest request = Request(method, id, "archive");
            request.Query.Add("path", path);
            return request;
        }

        private static ContainerPathStat ReadStat(EngineResponse response, EngineRequest request) =>
            ContainerPathStat.FromHeader(response.Header(ContainerPathStat.HeaderName))
            ?? throw new EngineException($"The engine answered {request.Method} {request.Path} without a readable {ContainerPathStat.HeaderName} header.", response.StatusCode);

        private static EngineNotFoundException PathNotFound(string id, string path, string? message) =>
            new EngineNotFoundException(message ?? $"{FileNotFoundPrefix} {path} in container {id}", EngineResourceKind.ContainerPath, path);
    }
}
