using System.Net;

namespace Containers.Engine.Errors
{
    /// <summary>401 or 403 from the engine, or a registry refusing credentials inside a pull or push stream.</summary>
    public sealed class EngineAuthenticationException : EngineException
    {
        public EngineAuthenticationException(string message, HttpStatusCode? statusCode)
            : base(message, statusCode)
        {
        }
    }
}
