namespace Containers.Models
{
    /// <summary>
    /// The labels docker compose puts on a project's containers, networks and volumes: docker compose and docker-compose
    /// find a project's objects by them, and so do the project cmdlets, so each sees the other's projects.
    /// </summary>
    public static class ContainerProjectLabels
    {
        public const string Project = "com.docker.compose.project";

        public const string Service = "com.docker.compose.service";

        public const string ContainerNumber = "com.docker.compose.container-number";

        /// <summary>"False" on a project's containers; "True" on docker compose run's one-off containers, which ls and up pass over.</summary>
        public const string OneOff = "com.docker.compose.oneoff";

        /// <summary>A hash of the service's configuration: a container whose hash differs from the file's is recreated.</summary>
        public const string ConfigHash = "com.docker.compose.config-hash";

        public const string WorkingDirectory = "com.docker.compose.project.working_dir";

        /// <summary>The compose files, full paths joined by commas.</summary>
        public const string ConfigFiles = "com.docker.compose.project.config_files";

        public const string Version = "com.docker.compose.version";

        public const string Network = "com.docker.compose.network";

        public const string Volume = "com.docker.compose.volume";

        /// <summary>
        /// What the version label says: docker-compose 1.29 reads no version from a container (it lists, stops and
        /// removes containers whatever their version), so this names the release whose labels these are.
        /// </summary>
        public const string VersionValue = "1.29.2";

        /// <summary>A label's value on a container, null when it has none.</summary>
        public static string? Of(Container container, string key) => container.Labels.TryGetValue(key, out string? value) ? value : null;
    }
}
