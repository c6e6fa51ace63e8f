using Containers.Engine;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Engines
{
    /// <summary>Asks an engine what <c>docker version</c> and <c>docker info</c> show, as a new <see cref="ContainerEngineInfo"/>.</summary>
    public static class EngineInfo
    {
        public static async Task<ContainerEngineInfo> LoadAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            EngineClient client = engine.Client;
            Version api = await client.GetApiVersionAsync(cancellationToken);
            Task<VersionResponse> versionTask = client.System.VersionAsync(cancellationToken);
            Task<SystemInfo> infoTask = client.System.InfoAsync(cancellationToken);
            return ContainerEngineInfo.From(engine, api, await versionTask, await infoTask);
        }
    }
}
