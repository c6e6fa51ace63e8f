using System.IO;
using Containers.Engine.Models;

namespace Containers.Engine.Streams
{
    /// <summary>
    /// Reads the engine's progress message stream (pull, push, build, load) value after value as bytes arrive; see
    /// <see cref="JsonValueReader{T}"/> for what lies between values and when each is parsed.
    /// </summary>
    public sealed class JsonMessageReader : JsonValueReader<JsonMessage>
    {
        public JsonMessageReader(Stream stream)
            : base(stream)
        {
        }
    }
}
