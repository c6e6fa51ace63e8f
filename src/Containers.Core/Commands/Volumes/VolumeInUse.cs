using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Volumes
{
    /// <summary>
    /// The engine refuses to remove a volume a container uses with 409 "remove NAME: volume is in use - [ID, ...]": ids
    /// only. The error a user sees names the containers, found by the engine's <c>volume</c> filter (stopped ones too,
    /// since they hold their volumes as firmly as running ones).
    /// </summary>
    public static class VolumeInUse
    {
        public const string ErrorId = "VolumeInUse";

        public static async Task<CommandError> DescribeAsync(ContainerEngine engine, string volume, EngineConflictException conflict, CancellationToken cancellationToken)
        {
            IReadOnlyList<Container> users;
            try
            {
                var parameters = new ContainerListParameters { All = true };
                parameters.Filters.Add("volume", volume);
                List<ContainerSummary> found = await engine.Client.Containers.ListAsync(parameters, cancellationToken);
                users = found.Select(summary => Container.FromSummary(summary, engine)).ToArray();
            }
            catch (EngineException)
            {
                // The refusal is what matters; without the names, the engine's message (with the ids) still says it.
                users = Array.Empty<Container>();
            }

            string message = users.Count == 0
                ? $"The volume '{volume}' is in use and was not removed: {conflict.Message}."
                : $"The volume '{volume}' is in use by {Describe(users)} and was not removed.";
            return new CommandError(
                ErrorId,
                ErrorKind.ResourceBusy,
                message,
                volume,
                conflict,
                "Remove the containers that use the volume first (Remove-Container; -Force does not remove a volume in use).");
        }

        private static string Describe(IReadOnlyList<Container> users) =>
            (users.Count == 1 ? "container " : "containers ")
            + string.Join(", ", users.Select(c => $"'{c.Name}' ({ContainerImage.ShortIdOf(c.Id)}, {c.State})"));
    }
}
