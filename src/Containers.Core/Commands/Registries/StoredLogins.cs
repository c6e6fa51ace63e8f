using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Registries
{
    /// <summary>
    /// The logins the docker CLI's store holds, as objects, and the ones a user's names and patterns mean: what the
    /// registry cmdlets that act on stored logins (Get-, Disconnect-ContainerRegistry) share.
    /// </summary>
    internal static class StoredLogins
    {
        /// <summary>Every stored login, as objects.</summary>
        /// <exception cref="CredentialStoreException">config.json cannot be read, or a helper fails.</exception>
        public static async Task<IReadOnlyList<ContainerRegistry>> ListAsync(DockerCredentialStore store, CancellationToken cancellationToken) =>
            (await store.ListAsync(cancellationToken)).Select(stored => ContainerRegistry.FromStored(stored, store.ConfigFilePath)).ToList();

        /// <summary>
        /// The logins each name or pattern means, in the order asked (a login twice when two of them mean it). A literal
        /// name with no login is reported as RegistryLoginNotFound and skipped; a pattern that matches none is not.
        /// </summary>
        public static IEnumerable<ContainerRegistry> ExpandOrReport(IReadOnlyList<ContainerRegistry> logins, IEnumerable<string> asked, DockerCredentialStore store, ICommandOutput output)
        {
            foreach (string name in asked)
            {
                List<ContainerRegistry> matches = Match(logins, name).ToList();
                if (matches.Count == 0 && !Wildcard.ContainsWildcard(name))
                {
                    output.WriteError(NotFound(name, store));
                }

                foreach (ContainerRegistry login in matches)
                {
                    yield return login;
                }
            }
        }

        /// <summary>The logins a name or pattern means: by host or key, a literal name normalised as a login would be.</summary>
        private static IEnumerable<ContainerRegistry> Match(IEnumerable<ContainerRegistry> logins, string asked)
        {
            if (Wildcard.ContainsWildcard(asked))
            {
                var pattern = new Wildcard(asked);
                return logins.Where(login => pattern.IsMatch(login.Registry) || pattern.IsMatch(login.ServerAddress));
            }

            string key = RegistryKey.Normalize(asked);
            return logins.Where(login => login.ServerAddress == key || RegistryServerAddress.Normalize(login.ServerAddress) == key);
        }

        private static CommandError NotFound(string asked, DockerCredentialStore store) =>
            new CommandError("RegistryLoginNotFound", ErrorKind.ObjectNotFound, $"No login for '{asked}' is stored (in '{store.ConfigFilePath}' or the credential helpers it names).", asked);
    }
}
