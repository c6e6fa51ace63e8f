using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Output;

namespace Containers.Commands.Registries
{
    /// <summary>
    /// Which login a command sends to a registry: the one given with -Credential, else the one the docker CLI's store
    /// holds for that registry (config.json, credsStore, credHelpers), else none. Verbose output says which, never the secret.
    /// </summary>
    public static class RegistryCredentialChoice
    {
        /// <param name="registry">The registry as an image reference names it (<c>docker.io</c>, <c>host:port</c>).</param>
        /// <exception cref="CredentialStoreException">The store cannot be read, or its helper fails.</exception>
        public static async Task<RegistryCredential?> ChooseAsync(RegistryCredential? given, DockerCredentialStore store, string registry, ICommandOutput output, CancellationToken cancellationToken)
        {
            string shown = RegistryServerAddress.ToDisplayName(RegistryServerAddress.Normalize(registry));
            if (given != null)
            {
                output.WriteVerbose($"Sending the credentials given with -Credential to {shown}: {given}.");
                return given;
            }

            RegistryCredential? stored = await store.GetAsync(registry, cancellationToken);
            output.WriteVerbose(stored == null
                ? $"No login for {shown} is stored; asking it anonymously."
                : $"Sending the login stored for {shown}: {stored}.");
            return stored;
        }
    }
}
