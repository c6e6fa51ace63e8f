using System.Net;

namespace Containers.Engine.Registries
{
    /// <summary>The registry answers only with a login, and none was given or stored.</summary>
    public sealed class RegistryLoginRequiredException : RegistryException
    {
        public RegistryLoginRequiredException(string message, string registry, HttpStatusCode statusCode)
            : base(message, registry, statusCode)
        {
        }
    }
}
