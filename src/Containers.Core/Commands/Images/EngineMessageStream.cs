using System;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Streams;

namespace Containers.Commands.Images
{
    /// <summary>Reads a pull, push or build answer to its end, handing each message on and raising the first error the stream reports.</summary>
    internal static class EngineMessageStream
    {
        /// <exception cref="Engine.Errors.EngineStreamException">A message reported a failure (a build step's exit code in its Code).</exception>
        /// <exception cref="Engine.Errors.EngineAuthenticationException">A message reported the registry refusing the credentials.</exception>
        public static async Task ReadAsync(EngineResponse response, Action<JsonMessage> handle, CancellationToken cancellationToken)
        {
            using (response)
            {
                var reader = new JsonMessageReader(response.Content);
                for (JsonMessage? message = await reader.ReadAsync(cancellationToken); message != null; message = await reader.ReadAsync(cancellationToken))
                {
                    message.ThrowIfError();
                    handle(message);
                }
            }
        }
    }
}
