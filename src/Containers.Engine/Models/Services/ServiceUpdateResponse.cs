namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>POST /services/{id}/update</c>.</summary>
    public sealed class ServiceUpdateResponse
    {
        public List<string>? Warnings { get; set; }
    }
}
