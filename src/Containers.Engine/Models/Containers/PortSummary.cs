namespace Containers.Engine.Models
{
    /// <summary>A port of a listed container: published when <see cref="PublicPort"/> is set.</summary>
    public sealed class PortSummary
    {
        public string? IP { get; set; }

        public int PrivatePort { get; set; }

        public int? PublicPort { get; set; }

        public string? Type { get; set; }
    }
}
