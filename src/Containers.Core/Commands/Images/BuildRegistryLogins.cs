using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>
    /// The X-Registry-Config a build sends so the engine can pull base images from registries that need a login: every
    /// login the docker CLI's store holds, as <c>docker build</c> sends them. A login that cannot be read is left out with
    /// a warning, as the CLI leaves it out silently: the build may not need it.
    /// </summary>
    internal static class BuildRegistryLogins
    {
        public static async Task<string?> EncodeAsync(DockerCredentialStore store, ICommandOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<StoredCredential> stored;
            try
            {
                stored = await store.ListAsync(cancellationToken);
            }
            catch (CredentialStoreException e)
            {
                output.WriteWarning("The stored registry logins cannot be read, so base images are pulled without them: " + e.Message);
                return null;
            }

            var logins = new List<KeyValuePair<string, RegistryCredential>>();
            foreach (StoredCredential login in stored)
            {
                try
                {
                    RegistryCredential? credential = await store.GetAsync(login.ServerAddress, cancellationToken);
                    if (credential != null)
                    {
                        logins.Add(new KeyValuePair<string, RegistryCredential>(login.ServerAddress, credential));
                    }
                }
                catch (CredentialStoreException e)
                {
                    output.WriteWarning($"The stored login for {login.Registry} cannot be read, so base images from there are pulled without it: {e.Message}");
                }
            }

            if (logins.Count > 0)
            {
                output.WriteVerbose("Sending the stored logins for " + string.Join(", ", logins.Select(login => RegistryServerAddress.ToDisplayName(login.Key))) + " with the build, for base images behind them.");
            }

            return RegistryConfigHeader.Encode(logins);
        }
    }
}
