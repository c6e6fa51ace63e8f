using Containers.Output;

namespace Containers.Commands.Projects
{
    /// <summary>An error about one service of a project: the engine's id and category, the message starting with the service's name.</summary>
    public static class ServiceErrors
    {
        public static CommandError Named(CommandError error, string service) =>
            new CommandError(error.ErrorId, error.Kind, $"Service '{service}': {error.Message}", service, error.Exception, error.RecommendedAction);
    }
}
