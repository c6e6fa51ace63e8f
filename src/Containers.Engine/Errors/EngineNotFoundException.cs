using System.Net;

namespace Containers.Engine.Errors
{
    /// <summary>404: the container, image, network, volume or exec instance does not exist.</summary>
    public sealed class EngineNotFoundException : EngineException
    {
        public EngineNotFoundException(string message, EngineResourceKind resourceKind, string? resourceId)
            : base(message, HttpStatusCode.NotFound)
        {
            ResourceKind = resourceKind;
            ResourceId = resourceId;
        }

        public EngineResourceKind ResourceKind { get; }

        public string? ResourceId { get; }
    }
}
