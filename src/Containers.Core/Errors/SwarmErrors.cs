using Containers.Engine.Errors;
using Containers.Output;

namespace Containers.Errors
{
    /// <summary>
    /// What the engine's swarm refusals become for a PowerShell user: an id per refusal and its category. The engine says
    /// them only in words (most are 503s, the manager's own refusals 400s and 500s from its gRPC answers), so the words of
    /// dockerd 20.10 are matched here, in one place, and nowhere else.
    /// </summary>
    internal static class SwarmErrors
    {
        private const string JoinAdvice = "Make it part of a swarm first: Initialize-ContainerSwarm, or Join-ContainerSwarm with a manager's address and join token.";

        public static bool TryClassify(EngineException exception, object? target, out CommandError? error)
        {
            error = Classify(exception, exception.Message, target);
            return error != null;
        }

        private static CommandError? Classify(EngineException e, string message, object? target)
        {
            if (Has(message, "This node is not part of a swarm")
                // dockerd 20.10 answers GET /swarm outside a swarm as it answers a worker, with advice to init or join.
                || (Has(message, "This node is not a swarm manager") && Has(message, "docker swarm init")))
            {
                return new CommandError("NotInSwarm", ErrorKind.InvalidOperation, "The engine is not part of a swarm.", target, e, JoinAdvice);
            }

            if (Has(message, "This node is not a swarm manager"))
            {
                return new CommandError("NotSwarmManager", ErrorKind.InvalidOperation, "The engine is a swarm worker; only managers read or change the swarm's state.", target, e,
                    "Run the command against a manager (-Engine), or promote this node on a manager: Set-ContainerSwarmNode -Role Manager.");
            }

            if (Has(message, "This node is already part of a swarm"))
            {
                return new CommandError("AlreadyInSwarm", ErrorKind.ResourceExists, "The engine is already part of a swarm.", target, e,
                    "Leave that swarm first with Exit-ContainerSwarm (-Force on a manager), or use the swarm it is in (Get-ContainerSwarm).");
            }

            if (Has(message, "update out of sequence"))
            {
                return new CommandError("SwarmUpdateConflict", ErrorKind.InvalidOperation,
                    "Someone else changed it after it was read, so the manager refused the update and nothing was changed.", target, e,
                    "Read it again (Get-ContainerSwarmNode) and repeat the change on what it is now.");
            }

            if (Has(message, "must be demoted to worker before removal"))
            {
                return new CommandError("SwarmNodeIsManager", ErrorKind.InvalidOperation, "A manager cannot be removed from the swarm, even with -Force: " + message, target, e,
                    "Demote it first (Set-ContainerSwarmNode -Role Worker), or make it leave (Exit-ContainerSwarm -Force on its own engine).");
            }

            if (Has(message, "is not down and can't be removed"))
            {
                return new CommandError("SwarmNodeNotDown", ErrorKind.ResourceBusy, "The node is still up: " + message, target, e,
                    "Make the node leave (Exit-ContainerSwarm on its engine) and remove it once it is down, or remove it now with -Force.");
            }

            if (Has(message, "attempting to leave the swarm on a node that is participating as a manager"))
            {
                return new CommandError("SwarmManagerLeaveRefused", ErrorKind.InvalidOperation, message.Trim(), target, e,
                    "Demote the node first (Set-ContainerSwarmNode -Role Worker on another manager), or leave anyway with -Force.");
            }

            if (Has(message, "invalid join token") || Has(message, "A valid join token is necessary"))
            {
                return new CommandError("SwarmJoinTokenInvalid", ErrorKind.InvalidArgument, "The join token was refused: " + message, target, e,
                    "Read the token on a manager: (Get-ContainerSwarm -IncludeJoinToken).WorkerJoinToken, or ManagerJoinToken.");
            }

            if (Has(message, "code = Unavailable") && (Has(message, "Error while dialing") || Has(message, "connection error")))
            {
                // A join whose managers refuse the connection: the engine tries for a while (about 10 s), then gives up.
                return new CommandError("SwarmManagerUnreachable", ErrorKind.ConnectionError, "The engine could not reach a manager of the swarm: " + message, target, e,
                    "Check the manager's address and port (2377), and that the manager is up and reachable from this engine.");
            }

            if (Has(message, "Timeout was reached before node joined"))
            {
                return new CommandError("SwarmJoinTimeout", ErrorKind.OperationTimeout, message, target, e,
                    "Check the manager's address and that its port (2377) is reachable from this engine. The engine keeps trying; Exit-ContainerSwarm -Force stops it.");
            }

            if (e is EngineNotFoundException && message.StartsWith("node ", StringComparison.Ordinal) && Has(message, "not found"))
            {
                return new CommandError("SwarmNodeNotFound", ErrorKind.ObjectNotFound, message, target, e, "List the nodes with Get-ContainerSwarmNode.");
            }

            return null;
        }

        private static bool Has(string message, string words) => message.IndexOf(words, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
