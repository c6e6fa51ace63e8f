namespace Containers.Engine.Registries
{
    /// <summary>The registry (or its token service) could not be reached, refused TLS, or did not answer in time.</summary>
    public sealed class RegistryUnreachableException : RegistryException
    {
        public RegistryUnreachableException(string message, string registry, Exception? innerException = null)
            : base(message, registry, null, innerException)
        {
        }
    }
}
