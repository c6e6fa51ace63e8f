using Containers.Engine.Credentials;
using Containers.Errors;

namespace Containers.Commands.Registries
{
    /// <summary>-Registry as the key the docker CLI files logins under; Docker Hub when it is not given.</summary>
    internal static class RegistryKey
    {
        /// <exception cref="InvalidParameterException">The name is blank or names no host.</exception>
        public static string Normalize(string? registry)
        {
            if (registry == null)
            {
                return RegistryServerAddress.DockerHub;
            }

            try
            {
                return RegistryServerAddress.Normalize(registry);
            }
            catch (ArgumentException e)
            {
                throw new InvalidParameterException("Registry", registry, e.Message.Split(new[] { " (Parameter '" }, StringSplitOptions.None)[0]);
            }
        }
    }
}
