namespace Containers.Models
{
    /// <summary>
    /// A swarm stack, as Get-ContainerStack and Publish-ContainerStack return it: the services that carry its namespace
    /// label (<see cref="ContainerStackLabels.Namespace"/>), so stacks deployed by docker stack deploy show too.
    /// </summary>
    public sealed class ContainerStack
    {
        public string Name { get; private set; } = string.Empty;

        /// <summary>Always "Swarm": the column docker stack ls shows, kept so the views match it.</summary>
        public string Orchestrator { get; private set; } = "Swarm";

        /// <summary>The stack's services, sorted by name.</summary>
        public ReadableList<ContainerService> Services { get; private set; } = ReadableList<ContainerService>.Empty;

        public ContainerEngine Engine { get; private set; } = null!;

        public override string ToString() => Name;

        /// <summary>One stack from its services (all carrying its namespace label).</summary>
        public static ContainerStack FromServices(string name, IEnumerable<ContainerService> services, ContainerEngine engine) => new ContainerStack
        {
            Name = name,
            Services = new ReadableList<ContainerService>(services.OrderBy(service => service.Name, StringComparer.Ordinal)),
            Engine = engine,
        };
    }
}
