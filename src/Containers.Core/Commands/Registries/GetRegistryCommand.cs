using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Models;
using Containers.Output;

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
            IReadOnlyList<ContainerRegistry> logins = await StoredLogins.ListAsync(_store, cancellationToken);
            if (Registry == null || Registry.Count == 0)
            {
                foreach (ContainerRegistry login in logins)
                {
                    output.WriteObject(login);
                }

                return;
            }

            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (ContainerRegistry login in StoredLogins.ExpandOrReport(logins, Registry, _store, output).Where(login => written.Add(login.ServerAddress)))
            {
                output.WriteObject(login);
            }
        }
    }
}
