using System.Globalization;
using Containers.Engine.Credentials;
using Containers.Errors;

namespace Containers.Commands.Registries
{
    /// <summary>
    /// -AzureContainerRegistry as the registry's login server: a bare registry name (<c>myregistry</c>) is in Azure's
    /// public cloud (<c>myregistry.azurecr.io</c>); a login server given whole (<c>myregistry.azurecr.cn</c>, or a URL)
    /// is kept as given, so sovereign clouds and custom domains work.
    /// </summary>
    internal static class AzureRegistryName
    {
        /// <summary>The login-server suffix of registries in Azure's public cloud.</summary>
        public const string PublicCloudSuffix = ".azurecr.io";

        private const string ParameterName = "AzureContainerRegistry";

        /// <exception cref="InvalidParameterException">The name is blank, a bare name with other than letters and digits, or Docker Hub.</exception>
        public static string ToLoginServer(string? name)
        {
            string given = name?.Trim() ?? string.Empty;
            if (given.Length == 0)
            {
                throw new InvalidParameterException(ParameterName, name, "Name the registry: myregistry (for myregistry.azurecr.io) or its whole login server.");
            }

            if (given.IndexOf('.') < 0 && given.IndexOf(':') < 0 && given.IndexOf('/') < 0)
            {
                if (!given.All(c => c < 128 && char.IsLetterOrDigit(c)))
                {
                    throw new InvalidParameterException(ParameterName, name,
                        $"'{given}' is not an Azure container registry name: those have only letters and digits. Give the whole login server (such as myregistry.azurecr.io) otherwise.");
                }

                return given.ToLower(CultureInfo.InvariantCulture) + PublicCloudSuffix;
            }

            string key;
            try
            {
                key = RegistryServerAddress.Normalize(given);
            }
            catch (ArgumentException e)
            {
                throw new InvalidParameterException(ParameterName, name, e.Message.Split(new[] { " (Parameter '" }, StringSplitOptions.None)[0]);
            }

            if (key == RegistryServerAddress.DockerHub)
            {
                throw new InvalidParameterException(ParameterName, name, "Docker Hub is not an Azure container registry; log in to it with -Credential.");
            }

            // DNS names are case-insensitive, and ACR's login servers are lower case: one key per registry in the store.
            return key.ToLower(CultureInfo.InvariantCulture);
        }
    }
}
