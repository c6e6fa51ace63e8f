using System.Net;

namespace Containers.Engine.Errors
{
    /// <summary>The engine and this client share no API version, or a pinned DOCKER_API_VERSION is outside the engine's range.</summary>
    public sealed class EngineApiVersionException : EngineException
    {
        public EngineApiVersionException(string message, HttpStatusCode? statusCode = null)
            : base(message, statusCode)
        {
        }
    }
}
