using Containers.Engine.Models;
using Containers.Engine.Streams;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>Reads an engine message stream to its end, raising the first error in it, as the image cmdlets do.</summary>
    internal static class MessageStreams
    {
        public static async Task<List<JsonMessage>> ReadAllAsync(JsonMessageReader reader)
        {
            using (reader)
            {
                var messages = new List<JsonMessage>();
                await reader.ReadToEndAsync(messages.Add);
                return messages;
            }
        }
    }
}
