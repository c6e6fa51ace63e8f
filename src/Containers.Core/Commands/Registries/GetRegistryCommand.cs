using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Registries
{
    /// <summary>
    /// Get-ContainerRegistry: the registries the docker CLI's store holds a login for (config.json, its credential
    /// helpers, DOCKER_AUTH_CONFIG), with who logged in and where it is kept; never a secret. Naming a registry that has
    /// no login is an ObjectNotFound error; a wildcard that matches none is not.
    /// </summary>
    public sealed class GetRegistryCommand
    {
        private readonly DockerCredentialStore _store;

        public GetRegistryCommand(DockerCredentialStore store)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        /// <summary>Registries by host (<c>docker.io</c>, <c>host:5000</c>) or key; wildcards allowed. All when empty.</summary>
        public IReadOnlyList<string>? Registry { get; set; }

        public async Task ExecuteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<ContainerRegistry> logins = await ListAsync(_store, cancellationToken);
            if (Registry == null || Registry.Count == 0)
            {
                foreach (ContainerRegistry login in logins)
                {
                    output.WriteObject(login);
                }

                return;
            }

            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (string asked in Registry)
            {
                List<ContainerRegistry> matches = Match(logins, asked).ToList();
                if (matches.Count == 0 && !Wildcard.ContainsWildcard(asked))
                {
                    output.WriteError(NotFound(asked, _store));
                }

                foreach (ContainerRegistry login in matches.Where(login => written.Add(login.ServerAddress)))
                {
                    output.WriteObject(login);
                }
            }
        }

        /// <summary>Every stored login, as objects.</summary>
        /// <exception cref="CredentialStoreException">config.json cannot be read, or a helper fails.</exception>
        internal static async Task<IReadOnlyList<ContainerRegistry>> ListAsync(DockerCredentialStore store, CancellationToken cancellationToken) =>
            (await store.ListAsync(cancellationToken)).Select(stored => ContainerRegistry.FromStored(stored, store.ConfigFilePath)).ToList();

        /// <summary>The logins a name or pattern means: by host or key, a literal name normalised as a login would be.</summary>
        internal static IEnumerable<ContainerRegistry> Match(IEnumerable<ContainerRegistry> logins, string asked)
        {
            if (Wildcard.ContainsWildcard(asked))
            {
                var pattern = new Wildcard(asked);
                return logins.Where(login => pattern.IsMatch(login.Registry) || pattern.IsMatch(login.ServerAddress));
            }

            string key = RegistryKey.Normalize(asked);
            return logins.Where(login => login.ServerAddress == key || RegistryServerAddress.Normalize(login.ServerAddress) == key);
        }

        internal static CommandError NotFound(string asked, DockerCredentialStore store) =>
            new CommandError("RegistryLoginNotFound", ErrorKind.ObjectNotFound, $"No login for '{asked}' is stored (in '{store.ConfigFilePath}' or the credential helpers it names).", asked);
    }
}
