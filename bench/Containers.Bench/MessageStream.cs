using System;
using System.Text.Json;
using System.Threading.Tasks;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Streams;

namespace Containers.Bench
{
    /// <summary>
    /// Reads a pull, push or build answer to its end as the cmdlets do (Containers.Core's EngineMessageStream): every
    /// message parsed by <see cref="JsonMessageReader"/>, checked for an error and handed on.
    /// </summary>
    internal static class MessageStream
    {
        /// <summary>Reads and disposes <paramref name="response"/>; returns how many messages came and the last <c>aux.ID</c> (a build's image id).</summary>
        public static async Task<(int Messages, string? ImageId)> ReadToEndAsync(EngineResponse response, Action<JsonMessage>? handle = null)
        {
            using (response)
            {
                var reader = new JsonMessageReader(response.Content);
                int count = 0;
                string? imageId = null;
                for (JsonMessage? message = await reader.ReadAsync(); message != null; message = await reader.ReadAsync())
                {
                    message.ThrowIfError();
                    count++;
                    if (message.Aux is JsonElement aux && aux.ValueKind == JsonValueKind.Object && aux.TryGetProperty("ID", out JsonElement id))
                    {
                        imageId = id.GetString();
                    }

                    handle?.Invoke(message);
                }

                return (count, imageId);
            }
        }
    }
}
