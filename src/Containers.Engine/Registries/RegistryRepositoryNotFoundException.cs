using System.Net;

namespace Containers.Engine.Registries
{
    /// <summary>The registry has no repository of that name (404, <c>NAME_UNKNOWN</c>).</summary>
    public sealed class RegistryRepositoryNotFoundException : RegistryException
    {
        public RegistryRepositoryNotFoundException(string message, string registry, string repository)
            : base(message, registry, HttpStatusCode.NotFound)
        {
            Repository = repository;
        }

        /// <summary>The repository's path inside the registry: <c>team/app</c>, <c>library/nginx</c>.</summary>
        public string Repository { get; }
    }
}
