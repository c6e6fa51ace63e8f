using Containers.Engine.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Errors
{
    /// <summary>
    /// What the stack commands report about a stack as a whole. A stack is no engine object (only a label on services,
    /// networks, secrets and configs), so the engine never says a stack is missing: the commands do, with these.
    /// </summary>
    public static class StackErrors
    {
        /// <summary>For error ids: StackNotFound.</summary>
        public const string Resource = "Stack";

        /// <summary>
        /// A stack name that labels nothing on the engine: StackNotFound (ObjectNotFound), an engine 404 of no known kind
        /// so that it is per target like every not-found.
        /// </summary>
        public static EngineNotFoundException NotFound(string stack, ContainerEngine engine) =>
            new EngineNotFoundException($"No stack named '{stack}' exists on {engine.Name}: no service, network, secret or config carries the label {ContainerStackLabels.Namespace}={stack}.", EngineResourceKind.Unknown, stack);

        /// <summary>How a failure about one stack reads: a missing stack with the way to list them, else as the classifier says.</summary>
        public static CommandError Classify(Exception exception, object? target)
        {
            CommandError error = ErrorClassifier.Classify(exception, target, Resource);
            return error.ErrorId == Resource + "NotFound" && error.RecommendedAction == null
                ? new CommandError(error.ErrorId, error.Kind, error.Message, error.Target, error.Exception, "List the stacks with Get-ContainerStack.")
                : error;
        }

        /// <summary>
        /// The stack's services are gone but some of its networks (or secrets, configs) were still in use by its stopping
        /// tasks when the wait ran out (StackRemovalTimeout, OperationTimeout): the same removal later finishes it.
        /// </summary>
        /// <param name="leftovers">What stayed, as it reads: "network 'web_default'".</param>
        /// <param name="lastRefusal">The engine's last refusal to remove one, if it refused (a network it accepted to remove stays while tasks use it).</param>
        public static CommandError RemovalTimedOut(string stack, IReadOnlyList<string> leftovers, int seconds, Exception? lastRefusal)
        {
            string message = $"The stack '{stack}' was not removed completely: its services are gone, but {string.Join(", ", leftovers)} {(leftovers.Count == 1 ? "was" : "were")} still in use by its stopping tasks after {seconds} seconds"
                + (lastRefusal != null ? $" ({lastRefusal.Message})." : ".");
            return new CommandError("StackRemovalTimeout", ErrorKind.OperationTimeout, message, stack, lastRefusal ?? new TimeoutException(message),
                $"Its tasks are still shutting down: run Remove-ContainerStack -Name '{stack}' again later, or with a longer -Timeout.");
        }
    }
}
