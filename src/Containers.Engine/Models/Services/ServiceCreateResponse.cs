namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>POST /services/create</c>.</summary>
    public sealed class ServiceCreateResponse
    {
        public string ID { get; set; } = string.Empty;

        /// <summary>For example that the image could not be resolved at its registry.</summary>
        public List<string>? Warnings { get; set; }
    }
}
