using System.Text.Json;
using System.Text.Json.Serialization;

namespace Containers.Engine.Models
{
    /// <summary>
    /// What a node's update changes: its labels, role and availability. The update replaces the spec whole, so what the
    /// engine sent that this class does not name is kept in <see cref="Other"/> and sent back as it came.
    /// </summary>
    public sealed class SwarmNodeSpec
    {
        public string? Name { get; set; }

        /// <summary>The node's labels (docker node update --label-add), which placement constraints read.</summary>
        public Dictionary<string, string>? Labels { get; set; }

        /// <summary>worker or manager.</summary>
        public string? Role { get; set; }

        /// <summary>active, pause or drain.</summary>
        public string? Availability { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; set; }
    }
}
