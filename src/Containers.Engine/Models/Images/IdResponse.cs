namespace Containers.Engine.Models
{
    /// <summary>An answer that carries only the id of what was made (<c>POST /commit</c>).</summary>
    public sealed class IdResponse
    {
        public string Id { get; set; } = string.Empty;
    }
}
