using System.Collections.Generic;
using System.Threading.Tasks;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Streams;

namespace Containers.Tests.Engine.Images
{
    /// <summary>Reads an engine message stream to its end, raising the first error in it, as the image cmdlets do.</summary>
    internal static class MessageStreams
    {
        public static async Task<List<JsonMessage>> ReadAllAsync(EngineResponse response)
        {
            using (response)
            {
                var reader = new JsonMessageReader(response.Content);
                var messages = new List<JsonMessage>();
                for (JsonMessage? message; (message = await reader.ReadAsync()) != null;)
                {
                    message.ThrowIfError();
                    messages.Add(message);
                }

                return messages;
            }
        }
    }
}
