namespace Containers.Models
{
    /// <summary>
    /// A compose project on one engine, as Get-ContainerProject and Start-ContainerProject return it: read from the
    /// labels docker compose puts on the project's containers, so projects made by docker compose or docker-compose show too.
    /// </summary>
    public sealed class ContainerProject
    {
        public string Name { get; private set; } = string.Empty;

        /// <summary>As <c>docker compose ls</c> writes it: "running(2), exited(1)".</summary>
        public string Status { get; private set; } = string.Empty;

        /// <summary>The compose files the containers were made from (com.docker.compose.project.config_files).</summary>
        public ReadableList<string> ConfigFiles { get; private set; } = ReadableList<string>.Empty;

        public string? WorkingDirectory { get; private set; }

        /// <summary>The services that have containers, sorted.</summary>
        public ReadableList<string> Services { get; private set; } = ReadableList<string>.Empty;

        /// <summary>The project's containers, in the order they were created.</summary>
        public ReadableList<Container> Containers { get; private set; } = ReadableList<Container>.Empty;

        public ContainerEngine Engine { get; private set; } = null!;

        public override string ToString() => Name;

        /// <summary>One project from its containers (all carrying its project label), oldest first.</summary>
        public static ContainerProject FromContainers(string name, IReadOnlyList<Container> containers, ContainerEngine engine)
        {
            List<Container> ordered = containers.ToList();
            string? files = ordered.Select(container => ContainerProjectLabels.Of(container, ContainerProjectLabels.ConfigFiles)).FirstOrDefault(value => !string.IsNullOrEmpty(value));
            return new ContainerProject
            {
                Name = name,
                Status = string.Join(", ", ordered.GroupBy(container => container.State).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key}({group.Count()})")),
                ConfigFiles = new ReadableList<string>(files?.Split(',') ?? Array.Empty<string>()),
                WorkingDirectory = ordered.Select(container => ContainerProjectLabels.Of(container, ContainerProjectLabels.WorkingDirectory)).FirstOrDefault(value => !string.IsNullOrEmpty(value)),
                Services = new ReadableList<string>(ordered.Select(container => ContainerProjectLabels.Of(container, ContainerProjectLabels.Service)).Where(service => service != null).Select(service => service!).Distinct(StringComparer.Ordinal).OrderBy(service => service, StringComparer.Ordinal)),
                Containers = new ReadableList<Container>(ordered),
                Engine = engine,
            };
        }


    }
}
