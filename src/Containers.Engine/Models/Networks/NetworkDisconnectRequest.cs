namespace Containers.Engine.Models
{
    /// <summary>The body of <c>POST /networks/{id}/disconnect</c>.</summary>
    public sealed class NetworkDisconnectRequest
    {
        /// <summary>The container's name or id.</summary>
        public string Container { get; set; } = string.Empty;

        /// <summary>Disconnect even when the container is not running or its endpoint is stale.</summary>
        public bool Force { get; set; }
    }
}
