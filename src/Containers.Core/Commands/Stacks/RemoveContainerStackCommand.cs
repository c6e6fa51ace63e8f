using Containers.Commands.Targets;
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
                await StackRemovalWait.IgnoringGoneAsync(engine.Client.Services.RemoveAsync(service.ID, cancellationToken));
            }

            // The wait starts once the services are gone: that is when their tasks start stopping.
            var wait = new StackRemovalWait(target, Timeout ?? DefaultTimeout, output);
            var leftovers = new List<string>();
            Exception? lastRefusal = null;
            async Task<bool> RemoveAsync(string what, Func<Task> remove)
            {
                output.WriteVerbose($"Removing the {what}.");
                Exception? refusal = await wait.RemoveAsync(what, remove, cancellationToken);
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
                string what = $"network '{network.Name}'";
                if (!await wait.GoneAsync(what, () => engine.Client.Networks.InspectAsync(network.Id, cancellationToken), cancellationToken))
                {
                    leftovers.Add(what);
                }
            }

            wait.Done();
            if (leftovers.Count > 0)
            {
                output.WriteError(StackErrors.RemovalTimedOut(target, leftovers, wait.Seconds, lastRefusal));
                return;
            }

            if (before != null)
            {
                output.WriteObject(before);
            }
        }
    }
}
