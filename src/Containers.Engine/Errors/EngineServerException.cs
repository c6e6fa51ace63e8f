using System.Net;

namespace Containers.Engine.Errors
{
    /// <summary>500, 501 or 503: the engine failed, does not implement the call, or is not ready (for example swarm calls off a manager).</summary>
    public sealed class EngineServerException : EngineException
    {
        public EngineServerException(string message, HttpStatusCode statusCode)
            : base(message, statusCode)
        {
        }
    }
}
