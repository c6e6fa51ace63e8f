using System.Net;

namespace Containers.Engine.Errors
{
    /// <summary>
    /// Something answered at the engine's address, but not a Docker engine: a web server, a proxy's error page, another
    /// service on the port. The message names the address and what answered (status, Server header, first words).
    /// </summary>
    public sealed class NotAnEngineException : EngineException
    {
        public NotAnEngineException(string message, HttpStatusCode statusCode)
            : base(message, statusCode)
        {
        }
    }
}
