using System.Net;

namespace Containers.Engine.Registries
{
    /// <summary>A registry answered in a way a login check cannot use: not a v2 registry, an unsupported challenge, a broken token service.</summary>
    public class RegistryException : Exception
    {
        public RegistryException(string message, string registry, HttpStatusCode? statusCode = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Registry = registry;
            StatusCode = statusCode;
        }

        /// <summary>The registry as the user named it: <c>docker.io</c>, <c>registry.example.com:5000</c>.</summary>
        public string Registry { get; }

        /// <summary>The HTTP status behind the error; null when no answer came.</summary>
        public HttpStatusCode? StatusCode { get; }
    }
}
