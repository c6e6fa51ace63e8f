namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>POST /networks/create</c>.</summary>
    public sealed class NetworkCreateResponse
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>Something the engine wants said, for example about an option it ignored; empty otherwise.</summary>
        public string? Warning { get; set; }
    }
}
