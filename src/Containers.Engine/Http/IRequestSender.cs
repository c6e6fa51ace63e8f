using Containers.Engine.Models;

namespace Containers.Engine.Http
{
    /// <summary>
    /// What the endpoints need of the client that makes them: requests sent under the negotiated API version, the
    /// version itself, and the ping. The endpoints hold this rather than the client, so the client sits above them and
    /// they above HTTP, with no way back up.
    /// </summary>
    internal interface IRequestSender
    {
        Task<Version> GetApiVersionAsync(CancellationToken cancellationToken);

        Task<PingResult> PingAsync(CancellationToken cancellationToken);

        /// <summary>The caller disposes the response.</summary>
        Task<EngineResponse> SendAsync(EngineRequest request, CancellationToken cancellationToken);

        Task<HijackedStream> HijackAsync(EngineRequest request, CancellationToken cancellationToken);
    }
}
