using System.Net;

namespace Containers.Engine.Registries
{
    /// <summary>The registry (or its token service) refused the credentials: a wrong user name, password or token.</summary>
    public sealed class RegistryCredentialsRejectedException : RegistryException
    {
        public RegistryCredentialsRejectedException(string message, string registry, HttpStatusCode statusCode)
            : base(message, registry, statusCode)
        {
        }
    }
}
