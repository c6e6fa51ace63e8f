using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Registries
{
    /// <summary>
    /// Disconnect-ContainerRegistry: docker logout. Removes the login from its credential helper and from config.json,
    /// so neither tool uses it any more. A registry with no stored login is an ObjectNotFound error; one whose login comes
    /// from DOCKER_AUTH_CONFIG cannot be logged out of from here, and says so.
    /// </summary>
    public sealed class DisconnectRegistryCommand
    {
        private readonly DockerCredentialStore _store;

        public DisconnectRegistryCommand(DockerCredentialStore store)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        /// <summary>Registries by host or key, wildcards allowed; Docker Hub when empty.</summary>
        public IReadOnlyList<string>? Registry { get; set; }

        /// <summary>Return each login removed, as it was.</summary>
        public bool PassThru { get; set; }

        public async Task ExecuteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<ContainerRegistry> logins = await StoredLogins.ListAsync(_store, cancellationToken);
            IReadOnlyList<string> asked = Registry == null || Registry.Count == 0 ? new[] { RegistryServerAddress.DockerHubHost } : Registry;
            foreach (ContainerRegistry login in StoredLogins.ExpandOrReport(logins, asked, _store, output))
            {
                await LogOutAsync(login, output, cancellationToken);
            }
        }

        private async Task LogOutAsync(ContainerRegistry login, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (login.Location == CredentialLocation.EnvironmentVariable)
            {
                output.WriteError(new CommandError(
                    "RegistryLoginInEnvironment", ErrorKind.InvalidOperation,
                    $"The login for {login.Registry} comes from the DOCKER_AUTH_CONFIG variable, which cannot be changed from here.",
                    login.Registry, recommendedAction: "Remove the registry from DOCKER_AUTH_CONFIG, or unset the variable."));
                return;
            }

            if (!output.ShouldProcess($"login for {login.Registry} in {login.StoredIn}", "Remove the stored login"))
            {
                return;
            }

            await _store.EraseAsync(login.ServerAddress, cancellationToken);
            output.WriteVerbose($"Removed the login for {login.Registry} from {login.StoredIn}.");
            if (PassThru)
            {
                output.WriteObject(login);
            }
        }
    }
}
