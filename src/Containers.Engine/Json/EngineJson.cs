using System.Text.Json;
using System.Text.Json.Serialization;

namespace Containers.Engine.Json
{
    /// <summary>
    /// The serializer settings for the engine's JSON: its names are mostly PascalCase like ours, a few are lower case,
    /// so matching ignores case; requests leave out what the caller did not set, so the engine applies its defaults.
    /// </summary>
    internal static class EngineJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
    }
}
