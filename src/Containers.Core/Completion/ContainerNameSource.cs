using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>Container names, stopped containers included (every container cmdlet accepts those), or only those in some states.</summary>
    public static class ContainerNameSource
    {
        public static Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, CancellationToken cancellationToken) =>
            ListAsync(engine, null, cancellationToken);

        /// <param name="states">Only containers in these states (running, exited...); null for all.</param>
        public static async Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, IReadOnlyCollection<string>? states, CancellationToken cancellationToken)
        {
            List<ContainerSummary> summaries = await engine.Client.Containers.ListAsync(new ContainerListParameters { All = true }, cancellationToken);
            return summaries
                .Select(summary => Container.FromSummary(summary, engine))
                .Where(container => container.Name.Length > 0)
                .Where(container => states == null || states.Contains(container.State, StringComparer.OrdinalIgnoreCase))
                .Select(container => new CompletionCandidate(container.Name, $"{container.Name}: {Describe(container)} ({container.Image})"))
                .ToArray();
        }

        private static string Describe(Container container) => container.Status.Length > 0 ? container.Status : container.State;
    }
}
