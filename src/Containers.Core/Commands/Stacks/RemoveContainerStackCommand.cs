using Containers.Commands.Targets;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// Remove-ContainerStack: docker stack rm. The stack's services go first, then its secrets, configs and networks, all
    /// found by the namespace label, so a stack docker deployed goes the same way. The swarm stops the services' tasks in
    /// their own time, and a network (or secret, config) is refused while a stopping task still holds it: those are tried
    /// again until they are free or <see cref="Timeout"/> runs out, which is then one StackRemovalTimeout error.
    /// </summary>
    public sealed class RemoveContainerStackCommand : TargetCommand
    {
        /// <summary>How long to wait for a stack's networks, secrets and configs by default: tasks stop within 10 s unless told otherwise.</summary>
        public const int DefaultTimeout = 60;

        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

        public RemoveContainerStackCommand()
            : base(StackTargets.Kind)
        {
        }

        /// <summary>Write each removed stack, as it was before the removal.</summary>
        public bool PassThru { get; set; }

        /// <summary>Seconds to wait for the stack's networks, secrets and configs to be free of its stopping tasks; null: <see cref="DefaultTimeout"/>.</summary>
        public int? Timeout { get; set; }

        protected override string Action => "Remove (services, networks, secrets and configs)";

        protected override CommandError Classify(Exception exception, string target) => StackErrors.Classify(exception, target);

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            List<Service> services = await StackReading.ServicesAsync(engine, target, cancellationToken);
            List<NetworkResource> networks = await StackReading.NetworksAsync(engine, target, cancellationToken);
            List<SwarmSecret> secrets = await StackReading.SecretsAsync(engine, target, cancellationToken);
            List<SwarmConfig> configs = await StackReading.ConfigsAsync(engine, target, cancellationToken);
            if (services.Count == 0 && networks.Count == 0 && secrets.Count == 0 && configs.Count == 0)
            {
                throw StackErrors.NotFound(target, engine);
            }

            ContainerStack? before = PassThru && services.Count > 0
                ? ContainerStack.FromServices(target, services.Select(service => ContainerService.FromService(service, engine)), engine)
                : null;

            foreach (Service service in services)
            {
                output.WriteVerbose($"Removing the service '{service.Spec.Name}'.");
                await IgnoringGoneAsync(engine.Client.Services.RemoveAsync(service.ID, cancellationToken));
            }

            // The wait starts once the services are gone: that is when their tasks start stopping.
            int seconds = Timeout ?? DefaultTimeout;
            DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
            var leftovers = new List<string>();
            Exception? lastRefusal = null;
            async Task<bool> RemoveAsync(string what, Func<Task> remove)
            {
                output.WriteVerbose($"Removing the {what}.");
                Exception? refusal = await RemoveWhenFreeAsync(remove, deadline, what, output, cancellationToken);
                if (refusal != null)
                {
                    leftovers.Add(what);
                    lastRefusal = refusal;
                }

                return refusal == null;
            }

            foreach (SwarmSecret secret in secrets)
            {
                await RemoveAsync($"secret '{secret.Spec.Name}'", () => engine.Client.Secrets.RemoveAsync(secret.ID, cancellationToken));
            }

            foreach (SwarmConfig config in configs)
            {
                await RemoveAsync($"config '{config.Spec.Name}'", () => engine.Client.Configs.RemoveAsync(config.ID, cancellationToken));
            }

            var accepted = new List<NetworkResource>();
            foreach (NetworkResource network in networks)
            {
                if (await RemoveAsync($"network '{network.Name}'", () => engine.Client.Networks.RemoveAsync(network.Id, cancellationToken)))
                {
                    accepted.Add(network);
                }
            }

            // A swarm network that tasks still use is not refused but marked for deletion (dockerd 20.10), and stays,
            // its name taken, until they stop: the stack is removed when its networks are gone.
            foreach (NetworkResource network in accepted)
            {
                if (!await GoneAsync(engine, network, deadline, output, cancellationToken))
                {
                    leftovers.Add($"network '{network.Name}'");
                }
            }

            if (leftovers.Count > 0)
            {
                output.WriteError(StackErrors.RemovalTimedOut(target, leftovers, seconds, lastRefusal));
                return;
            }

            if (before != null)
            {
                output.WriteObject(before);
            }
        }

        /// <summary>Waits until the network is gone, or the deadline passes (false).</summary>
        private static async Task<bool> GoneAsync(ContainerEngine engine, NetworkResource network, DateTime deadline, ICommandOutput output, CancellationToken cancellationToken)
        {
            bool told = false;
            while (true)
            {
                try
                {
                    await engine.Client.Networks.InspectAsync(network.Id, cancellationToken);
                }
                catch (EngineNotFoundException)
                {
                    return true;
                }

                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                if (!told)
                {
                    told = true;
                    output.WriteVerbose($"The network '{network.Name}' is still in use by the stack's stopping tasks; waiting for them to stop.");
                }

                await Task.Delay(Poll, cancellationToken);
            }
        }
        /// <summary>
        /// Removes one object, trying again while the swarm says it is in use (by a task of the services just removed,
        /// still stopping). Returns the last refusal when the deadline passed with the object still there, else null.
        /// </summary>
        private static async Task<Exception?> RemoveWhenFreeAsync(Func<Task> remove, DateTime deadline, string what, ICommandOutput output, CancellationToken cancellationToken)
        {
            bool told = false;
            while (true)
            {
                try
                {
                    await IgnoringGoneAsync(remove());
                    return null;
                }
                catch (EngineException refusal) when (IsInUse(refusal))
                {
                    if (DateTime.UtcNow >= deadline)
                    {
                        return refusal;
                    }

                    if (!told)
                    {
                        told = true;
                        output.WriteVerbose($"The {what} is still in use ({refusal.Message}); waiting for the stack's tasks to stop.");
                    }

                    await Task.Delay(Poll, cancellationToken);
                }
            }
        }

        // Removed meanwhile (by another removal of the same stack, or docker stack rm): what was wanted. A swarm network
        // already marked for deletion (its tasks still stopping) answers a removal with "network ID not found" as a
        // server error, not a 404: it is going, and GoneAsync waits for it.
        private static async Task IgnoringGoneAsync(Task removal)
        {
            try
            {
                await removal;
            }
            catch (EngineException gone) when (gone is EngineNotFoundException || gone.Message.EndsWith(" not found", StringComparison.Ordinal))
            {
            }
        }

        // A swarm network: "network NAME is in use by task ID"; a local one: "has active endpoints"; a secret or config:
        // "is in use by the following service".
        private static bool IsInUse(EngineException refusal) =>
            !(refusal is EngineNotFoundException)
            && (refusal.Message.IndexOf("in use", StringComparison.OrdinalIgnoreCase) >= 0
                || refusal.Message.IndexOf("active endpoints", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
