using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>Secret and config names, from a swarm manager (another engine gives none: completion stays quiet).</summary>
    public static class SwarmDataNameSource
    {
        public static Task<IReadOnlyList<CompletionCandidate>> ListSecretsAsync(ContainerEngine engine, CancellationToken cancellationToken) =>
            ListAsync(engine.Client.Secrets, "secret", cancellationToken);

        public static Task<IReadOnlyList<CompletionCandidate>> ListConfigsAsync(ContainerEngine engine, CancellationToken cancellationToken) =>
            ListAsync(engine.Client.Configs, "config", cancellationToken);

        private static async Task<IReadOnlyList<CompletionCandidate>> ListAsync<T>(SwarmDataEndpoint<T> endpoint, string noun, CancellationToken cancellationToken)
            where T : SwarmData =>
            (await endpoint.ListAsync(null, cancellationToken))
                .Where(data => data.Spec.Name.Length > 0)
                .Select(data => new CompletionCandidate(data.Spec.Name, $"{data.Spec.Name}: {noun} {ShortId(data.ID)}"))
                .ToArray();

        private static string ShortId(string id) => id.Length > 12 ? id.Substring(0, 12) : id;
    }
}
