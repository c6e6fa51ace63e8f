using System.Text.Json;
using Containers.Engine.Models;
using Containers.Engine.Streams;

namespace Containers.Bench
{
    /// <summary>
    /// Reads a pull, push or build answer to its end as the cmdlets do (<see cref="JsonMessageReader.ReadToEndAsync"/>):
    /// every message parsed, checked for an error and handed on.
    /// </summary>
    internal static class MessageStream
    {
        /// <summary>Reads and disposes <paramref name="reader"/>; returns how many messages came and the last <c>aux.ID</c> (a build's image id).</summary>
        public static async Task<(int Messages, string? ImageId)> ReadToEndAsync(JsonMessageReader reader, Action<JsonMessage>? handle = null)
        {
            using (reader)
            {
                int count = 0;
                string? imageId = null;
                await reader.ReadToEndAsync(message =>
                {
                    count++;
                    if (message.Aux is JsonElement aux && aux.ValueKind == JsonValueKind.Object && aux.TryGetProperty("ID", out JsonElement id))
                    {
                        imageId = id.GetString();
                    }

                    handle?.Invoke(message);
                });

                return (count, imageId);
            }
        }
    }
}
