namespace Containers.Engine.Models
{
    /// <summary>The id of a created exec instance.</summary>
    public sealed class ExecCreateResponse
    {
        public string Id { get; set; } = string.Empty;
    }
}
