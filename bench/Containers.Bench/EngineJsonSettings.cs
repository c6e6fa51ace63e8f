using System.Text.Json;
using System.Text.Json.Serialization;

namespace Containers.Bench
{
    /// <summary>
    /// The same settings as Containers.Engine's internal EngineJson.Options, so the breakdown can time deserialisation
    /// on its own. Keep the two in step.
    /// </summary>
    internal static class EngineJsonSettings
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
    }
}
