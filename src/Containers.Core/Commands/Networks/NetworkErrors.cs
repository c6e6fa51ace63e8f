using System.Net;
using Containers.Engine.Errors;
using Containers.Errors;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Networks
{
    /// <summary>
    /// Classifies errors of network calls. The engine answers a refusal about a network with 403 Forbidden (a
    /// predefined network, a network with containers attached), which the client maps to an authentication error as it
    /// must for registries; here it is the refusal it is, with advice.
    /// </summary>
    public static class NetworkErrors
    {
        public static CommandError Classify(Exception exception, object? target)
        {
            if (exception is EngineAuthenticationException forbidden && forbidden.StatusCode == HttpStatusCode.Forbidden)
            {
                string message = forbidden.Message;
                if (Contains(message, "pre-defined") || Contains(message, "predefined"))
                {
                    return Predefined(message, target, exception);
                }

                if (Contains(message, "active endpoints"))
                {
                    return new CommandError("NetworkInUse", ErrorKind.ResourceBusy, message, target, exception,
                        "Disconnect its containers first (Disconnect-ContainerNetwork), or remove it with -Force, which disconnects them.");
                }

                return new CommandError("NetworkOperationRefused", ErrorKind.PermissionDenied, message, target, exception);
            }

            return ErrorClassifier.Classify(exception, target, "Network");
        }

        /// <summary>
        /// Errors of connect and disconnect, which are about a container and a network at once: a 404 says which is
        /// missing; a conflict means the container is already attached, which is not a name in use.
        /// </summary>
        public static CommandError ClassifyConnection(Exception exception, string container, string network)
        {
            // The engine answers a second connect with 403 "endpoint with name X already exists in network Y".
            if (exception is EngineConflictException || (exception is EngineException engine && IsAlreadyAttached(engine.Message)))
            {
                return new CommandError("NetworkAlreadyConnected", ErrorKind.ResourceExists, exception.Message, container, exception,
                    $"The container is already attached to network '{network}'; disconnect it first to change its aliases or address.");
            }

            // A 500 "container X is not connected to network Y".
            if (exception is EngineException notAttached && Contains(notAttached.Message, "is not connected to"))
            {
                return new CommandError("NetworkNotConnected", ErrorKind.InvalidOperation, notAttached.Message, container, exception);
            }

            return exception is EngineAuthenticationException ? Classify(exception, container) : ErrorClassifier.Classify(exception, container, "Container");
        }

        private static bool IsAlreadyAttached(string message) =>
            Contains(message, "already exists in network") || Contains(message, "already attached");

        /// <summary>A predefined network named where only a user's network will do.</summary>
        public static CommandError Predefined(string message, object? target, Exception? exception = null) =>
            new CommandError("PredefinedNetwork", ErrorKind.InvalidOperation, message, target, exception,
                $"{NetworkNames.PredefinedList} are the engine's own networks: they cannot be created, removed or pruned.");

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
