namespace Containers.Engine.Models
{
    /// <summary>The body of <c>POST /networks/{id}/connect</c>.</summary>
    public sealed class NetworkConnectRequest
    {
        /// <summary>The container's name or id.</summary>
        public string Container { get; set; } = string.Empty;

        /// <summary>Aliases and static addresses (<see cref="EndpointSettings.IPAMConfig"/>) on this network.</summary>
        public EndpointSettings? EndpointConfig { get; set; }
    }
}
