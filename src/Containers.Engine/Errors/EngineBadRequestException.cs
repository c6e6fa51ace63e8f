using System.Net;

namespace Containers.Engine.Errors
{
    /// <summary>400: the engine rejected the request's parameters or body.</summary>
    public sealed class EngineBadRequestException : EngineException
    {
        public EngineBadRequestException(string message)
            : base(message, HttpStatusCode.BadRequest)
        {
        }
    }
}
