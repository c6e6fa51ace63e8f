using System.Net;

namespace Containers.Engine.Errors
{
    /// <summary>The engine answered with an error, or could not be reached. The base of every error this client raises.</summary>
    public class EngineException : Exception
    {
        public EngineException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
            : base(message, innerException)
        {
            StatusCode = statusCode;
        }

        /// <summary>The HTTP status the engine answered with; null when no answer came.</summary>
        public HttpStatusCode? StatusCode { get; }
    }
}
