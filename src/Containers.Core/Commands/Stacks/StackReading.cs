using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// A stack's objects as the engine holds them, found as docker stack finds them: by the namespace label
    /// (<see cref="ContainerStackLabels.Namespace"/>) on services, networks, secrets and configs. The stacks themselves
    /// are the distinct values of that label on services (docker stack ls), so a stack deployed by docker shows here
    /// and one deployed here shows there.
    /// </summary>
    public static class StackReading
    {
        /// <summary>Every stack on the engine, sorted by name, each with its services.</summary>
        public static async Task<List<ContainerStack>> ListAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            List<Service> services = await engine.Client.Services.ListAsync(new Filters().Add("label", ContainerStackLabels.Namespace), cancellationToken);
            return services
                .Where(service => !string.IsNullOrEmpty(NamespaceOf(service.Spec.Labels)))
                .GroupBy(service => NamespaceOf(service.Spec.Labels)!, StringComparer.Ordinal)
                .Select(stack => ContainerStack.FromServices(stack.Key, stack.Select(service => ContainerService.FromService(service, engine)), engine))
                .OrderBy(stack => stack.Name, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The names of the stacks on the engine (of their services), in no order.</summary>
        public static async Task<IEnumerable<string>> NamesAsync(ContainerEngine engine, CancellationToken cancellationToken) =>
            (await ListAsync(engine, cancellationToken)).Select(stack => stack.Name);

        /// <summary>The stack's services, sorted by name.</summary>
        public static async Task<List<Service>> ServicesAsync(ContainerEngine engine, string stack, CancellationToken cancellationToken) =>
            (await engine.Client.Services.ListAsync(Of(stack), cancellationToken))
                .Where(service => NamespaceOf(service.Spec.Labels) == stack)
                .OrderBy(service => service.Spec.Name, StringComparer.Ordinal)
                .ToList();

        /// <summary>The stack as a user object, or null when no service carries its name.</summary>
        public static async Task<ContainerStack?> ReadAsync(ContainerEngine engine, string stack, CancellationToken cancellationToken)
        {
            List<Service> services = await ServicesAsync(engine, stack, cancellationToken);
            return services.Count == 0 ? null : ContainerStack.FromServices(stack, services.Select(service => ContainerService.FromService(service, engine)), engine);
        }

        /// <summary>The stack's networks (its own, not the external ones its file names), sorted by name.</summary>
        public static async Task<List<NetworkResource>> NetworksAsync(ContainerEngine engine, string stack, CancellationToken cancellationToken) =>
            (await engine.Client.Networks.ListAsync(Of(stack), cancellationToken))
                .Where(network => NamespaceOf(network.Labels) == stack)
                .OrderBy(network => network.Name, StringComparer.Ordinal)
                .ToList();

        /// <summary>The stack's secrets, sorted by name.</summary>
        public static async Task<List<SwarmSecret>> SecretsAsync(ContainerEngine engine, string stack, CancellationToken cancellationToken) =>
            (await engine.Client.Secrets.ListAsync(Of(stack), cancellationToken))
                .Where(secret => NamespaceOf(secret.Spec.Labels) == stack)
                .OrderBy(secret => secret.Spec.Name, StringComparer.Ordinal)
                .ToList();

        /// <summary>The stack's configs, sorted by name.</summary>
        public static async Task<List<SwarmConfig>> ConfigsAsync(ContainerEngine engine, string stack, CancellationToken cancellationToken) =>
            (await engine.Client.Configs.ListAsync(Of(stack), cancellationToken))
                .Where(config => NamespaceOf(config.Spec.Labels) == stack)
                .OrderBy(config => config.Spec.Name, StringComparer.Ordinal)
                .ToList();

        /// <summary>The engine filter for one stack's objects: the namespace label with its name.</summary>
        public static Filters Of(string stack) => new Filters().Add("label", ContainerStackLabels.Namespace + "=" + stack);

        // The filter is the engine's; the check again here keeps an object whose label the engine matched loosely out.
        private static string? NamespaceOf(IReadOnlyDictionary<string, string>? labels) =>
            labels != null && labels.TryGetValue(ContainerStackLabels.Namespace, out string? name) ? name : null;
    }
}
