using System.Net;

namespace Containers.Engine.Errors
{
    /// <summary>409: a name in use, a container already paused, a running container or an image in use that cannot be removed.</summary>
    public sealed class EngineConflictException : EngineException
    {
        public EngineConflictException(string message)
            : base(message, HttpStatusCode.Conflict)
        {
        }
    }
}
