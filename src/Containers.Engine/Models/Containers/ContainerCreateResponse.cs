namespace Containers.Engine.Models
{
    /// <summary>The answer to a create: the new id and any warnings (a memory limit the kernel cannot enforce, say).</summary>
    public sealed class ContainerCreateResponse
    {
        public string Id { get; set; } = string.Empty;

        public List<string>? Warnings { get; set; }
    }
}
