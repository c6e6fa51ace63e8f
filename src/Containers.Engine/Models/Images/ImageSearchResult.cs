using System.Text.Json.Serialization;

namespace Containers.Engine.Models
{
    /// <summary>One hit of <c>GET /images/search</c>.</summary>
    public sealed class ImageSearchResult
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = string.Empty;

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        [JsonPropertyName("star_count")]
        public int StarCount { get; set; }

        [JsonPropertyName("is_official")]
        public bool IsOfficial { get; set; }

        [JsonPropertyName("is_automated")]
        public bool IsAutomated { get; set; }
    }
}
