using Containers.Models;

namespace Containers.Parsing
{
    /// <summary>New-ContainerService's parameters as the user gave them, before any checking: the tasks' (shared with Set-ContainerService) and the service's own.</summary>
    public sealed class ServiceOptions : ServiceTaskOptions
    {
        public string Image { get; set; } = string.Empty;

        public string? Name { get; set; }

        public ulong? Replicas { get; set; }

        public ContainerServiceMode Mode { get; set; }
    }
}
