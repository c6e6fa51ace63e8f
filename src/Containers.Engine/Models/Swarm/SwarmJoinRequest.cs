namespace Containers.Engine.Models
{
    /// <summary>The body of <c>POST /swarm/join</c>.</summary>
    public sealed class SwarmJoinRequest
    {
        /// <summary>Where this node listens once it is a manager (or promoted to one); 0.0.0.0:2377 by default.</summary>
        public string ListenAddr { get; set; } = "0.0.0.0:2377";

        /// <summary>The address other nodes reach this one at; the engine picks one when it can.</summary>
        public string? AdvertiseAddr { get; set; }

        public string? DataPathAddr { get; set; }

        /// <summary>Managers of the swarm to join (<c>HOST:PORT</c>); the first that answers is used.</summary>
        public List<string> RemoteAddrs { get; set; } = new List<string>();

        /// <summary>A worker or manager join token: it decides the role the node joins with.</summary>
        public string JoinToken { get; set; } = string.Empty;
    }
}
