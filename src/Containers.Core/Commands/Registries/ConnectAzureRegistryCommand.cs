using System.Globalization;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Registries;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Provisioning.AzureTokens;

namespace Containers.Commands.Registries
{
    /// <summary>
    /// Connect-ContainerRegistry -AzureContainerRegistry: az acr login without az. An Entra access token for the registry
    /// scope (the one given, else one from the module's Azure credential order) is exchanged at the registry for a refresh
    /// token, which is stored as the password of user 00000000-0000-0000-0000-000000000000, exactly where and as a user
    /// name and password login is stored, so the docker CLI uses it too. The access token itself is never stored or shown.
    /// </summary>
    public sealed class ConnectAzureRegistryCommand
    {
        /// <summary>The scope of an Entra token that Azure Container Registry's exchange takes.</summary>
        public const string RegistryScope = "https://containerregistry.azure.net/.default";

        private readonly DockerCredentialStore _store;
        private readonly AzureRegistryTokenExchange _exchange;

        public ConnectAzureRegistryCommand(DockerCredentialStore store, AzureRegistryTokenExchange exchange)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _exchange = exchange ?? throw new ArgumentNullException(nameof(exchange));
        }

        /// <summary>A registry name (<c>myregistry</c>, meaning <c>myregistry.azurecr.io</c>) or a whole login server.</summary>
        public string? Registry { get; set; }

        /// <summary>An Entra access token the user already has (-AccessToken); when null, one comes from <see cref="AzureTokenSources"/>.</summary>
        public string? AccessToken { get; set; }

        /// <summary>The tenant to name at the exchange (-TenantId); when null, the token's <c>tid</c> claim.</summary>
        public string? TenantId { get; set; }

        /// <returns>The stored login; null when -WhatIf or a declined -Confirm skipped it (no token asked for or stored).</returns>
        public async Task<ContainerRegistry?> ExecuteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            string loginServer = AzureRegistryName.ToLoginServer(Registry);
            if (AccessToken != null && AccessToken.Trim().Length == 0)
            {
                throw new InvalidParameterException("AccessToken", null, "The access token is empty.");
            }

            if (TenantId != null && TenantId.Trim().Length == 0)
            {
                throw new InvalidParameterException("TenantId", TenantId, "The tenant id is empty.");
            }

            if (!output.ShouldProcess(loginServer, $"Store a refresh token for the Entra identity in {_store.ConfigFilePath}"))
            {
                return null;
            }

            string accessToken = await GetAccessTokenAsync(output, cancellationToken);
            string tenant = TenantId?.Trim() ?? EntraTokenClaims.ReadTenant(accessToken) ?? throw NotAJwt();

            output.WriteVerbose($"Exchanging the Entra access token (tenant {tenant}) for a refresh token of {loginServer}.");
            string refreshToken = await _exchange.ExchangeAsync(loginServer, tenant, accessToken, cancellationToken);

            // Stored as docker login -u 00000000-0000-0000-0000-000000000000 -p REFRESH stores it, which is what az acr login runs.
            var credential = new RegistryCredential(AzureRegistryTokenExchange.UserName, refreshToken);
            await _store.StoreAsync(loginServer, credential, cancellationToken);
            string? helper = _store.GetHelperName(loginServer);
            CredentialLocation location = helper == null ? CredentialLocation.ConfigFile : CredentialLocation.Helper;
            string storedIn = ContainerRegistry.DescribeLocation(location, helper, _store.ConfigFilePath);
            output.WriteVerbose($"Stored the refresh token for {loginServer} in {storedIn}.");

            // The exchange proved the token: the registry gave a refresh token only for one it accepted.
            var registry = new ContainerRegistry(loginServer, AzureRegistryTokenExchange.UserName, isIdentityToken: false, location, storedIn, verified: true);
            output.WriteObject(registry);
            return registry;
        }

        private async Task<string> GetAccessTokenAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (AccessToken != null)
            {
                output.WriteVerbose("Using the Entra access token given with -AccessToken.");
                return AccessToken.Trim();
            }

            IAzureTokenSource source;
            try
            {
                source = AzureTokenSources.Create(null);
            }
            catch (InvalidOperationException e)
            {
                throw new AzureLibrariesUnavailableException(
                    "The Azure libraries could not be loaded in this session, so no Entra token can be fetched for the registry. "
                    + "Give one with -AccessToken (for example (Get-AzAccessToken -ResourceUrl https://containerregistry.azure.net).Token, "
                    + "or az account get-access-token --resource https://containerregistry.azure.net); -AccessToken works without them.",
                    e);
            }

            AzureAccessToken token = await source.GetTokenAsync(new[] { RegistryScope }, cancellationToken);
            output.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Got an Entra token for {0}{1}, valid until {2:u}.", RegistryScope, From(token), token.ExpiresOn));
            return token.Token;
        }

        private InvalidParameterException NotAJwt() =>
            AccessToken != null
                ? new InvalidParameterException("AccessToken", null,
                    "The access token is not a JWT with a tid claim, so the tenant to name to the registry cannot be read from it. Give the tenant with -TenantId, or give an Entra access token.")
                : new InvalidParameterException("TenantId", null,
                    "The Entra token from the Azure credential is not a JWT with a tid claim, so the tenant to name to the registry cannot be read from it. Give the tenant with -TenantId.");

        private static string From(AzureAccessToken token) => string.IsNullOrEmpty(token.Source) ? string.Empty : " from " + token.Source;
    }
}
