namespace Containers.Engine.Models
{
    /// <summary>The body of <c>POST /exec/{id}/start</c>.</summary>
    public sealed class ExecStartRequest
    {
        public bool Detach { get; set; }

        public bool Tty { get; set; }
    }
}
