namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>POST /containers/{id}/wait</c>.</summary>
    public sealed class ContainerWaitResponse
    {
        public long StatusCode { get; set; }

        public WaitError? Error { get; set; }
    }

    public sealed class WaitError
    {
        public string? Message { get; set; }
    }
}
