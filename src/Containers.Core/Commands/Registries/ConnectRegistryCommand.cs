using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.References;
using Containers.Engine.Registries;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Registries
{
    /// <summary>
    /// Connect-ContainerRegistry: docker login. The login is checked at the registry first (a refused one is reported
    /// and nothing is stored), then stored where the docker CLI keeps it, so both tools use it. A registry on this
    /// machine may answer over plain HTTP, as the engine allows for loopback; any other must answer over HTTPS.
    /// </summary>
    public sealed class ConnectRegistryCommand
    {
        private readonly DockerCredentialStore _store;
        private readonly RegistryLoginCheck _check;

        public ConnectRegistryCommand(DockerCredentialStore store, RegistryLoginCheck check)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _check = check ?? throw new ArgumentNullException(nameof(check));
        }

        /// <summary>A host (<c>registry.example.com:5000</c>), <c>docker.io</c> or a URL; Docker Hub when null.</summary>
        public string? Registry { get; set; }

        public RegistryCredential? Credential { get; set; }

        /// <summary>
        /// Who an identity token belongs to, for the object returned. The stores keep a token without a user name (as
        /// credential helpers do), so Get-ContainerRegistry cannot show it later.
        /// </summary>
        public string? UserName { get; set; }

        /// <returns>The stored login; null when -WhatIf or a declined -Confirm skipped it (nothing checked, nothing stored).</returns>
        public async Task<ContainerRegistry?> ExecuteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            RegistryCredential credential = Credential ?? throw new InvalidParameterException("Credential", null, "A login needs a credential: a user name and password, or a token.");
            string key = RegistryKey.Normalize(Registry);
            // Checked here, not in RegistryKey: looking a login up by any name (Get-, Disconnect-ContainerRegistry) just
            // finds none, but a login stored under a name that is no host could never be used.
            string? notAHost = key == RegistryServerAddress.DockerHub ? null : ImageReference.CheckRegistryHost(key);
            if (notAHost != null)
            {
                throw new InvalidParameterException("Registry", Registry, notAHost);
            }

            string shown = RegistryServerAddress.ToDisplayName(key);
            // Asked before the check too: -WhatIf sends the password nowhere.
            if (!output.ShouldProcess(shown, $"Store the login of {credential} in {_store.ConfigFilePath}"))
            {
                return null;
            }

            output.WriteVerbose($"Checking the credentials of {credential} at {shown}.");
            // The check itself confines plain HTTP to loopback registries, as the engine's default insecure range does.
            RegistryLoginResult checkedLogin = await _check.VerifyAsync(key, credential, allowInsecure: true, cancellationToken);
            if (checkedLogin.IsInsecure)
            {
                output.WriteVerbose($"{shown} answered over plain HTTP at {checkedLogin.Endpoint}, which is allowed for a registry on this machine only.");
            }

            if (!checkedLogin.CredentialsChecked)
            {
                output.WriteWarning($"{shown} asks for no credentials, so it could not check these; they are stored all the same, as docker login stores them.");
            }

            await _store.StoreAsync(key, credential, cancellationToken);
            string? helper = _store.GetHelperName(key);
            string storedIn = ContainerRegistry.DescribeLocation(helper == null ? CredentialLocation.ConfigFile : CredentialLocation.Helper, helper, _store.ConfigFilePath);
            output.WriteVerbose($"Stored the login for {shown} in {storedIn}.");

            var registry = new ContainerRegistry(
                key,
                credential.IsIdentityToken ? UserName : credential.UserName,
                credential.IsIdentityToken,
                helper == null ? CredentialLocation.ConfigFile : CredentialLocation.Helper,
                storedIn,
                checkedLogin.CredentialsChecked);
            output.WriteObject(registry);
            return registry;
        }
    }
}
