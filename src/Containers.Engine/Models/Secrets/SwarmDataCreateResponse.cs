namespace Containers.Engine.Models
{
    /// <summary>The answer to a swarm object's create (<c>POST /secrets/create</c>, <c>/configs/create</c>): its new id.</summary>
    public sealed class SwarmDataCreateResponse
    {
        public string ID { get; set; } = string.Empty;
    }
}
