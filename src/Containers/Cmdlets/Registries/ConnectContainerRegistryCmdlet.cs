using System.Management.Automation;
using System.Net;
using System.Security;
using Containers.Commands.Registries;
using Containers.Credentials;
using Containers.Engine.Credentials;
using Containers.Engine.Registries;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Registries
{
    /// <summary>
    /// Connect-ContainerRegistry: docker login. Checks the login at the registry, then stores it where the docker CLI
    /// keeps logins, so both tools use it. With -AzureContainerRegistry, az acr login: an Entra token is exchanged at the
    /// registry for a refresh token, stored the same way.
    /// Writes the docker CLI's login file (or a credential helper's store), so it honours -WhatIf and -Confirm; Medium
    /// impact: a script's login never prompts at the default $ConfirmPreference.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ContainerRegistry", DefaultParameterSetName = ByCredential, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerRegistry))]
    public sealed class ConnectContainerRegistryCmdlet : ContainersCmdlet
    {
        /// <summary>Registry logins are kept on this machine: -Engine is accepted (piped objects bind it) and not used.</summary>
        protected override bool UsesEngine => false;

        private const string ByCredential = "Credential";
        private const string ByToken = "Token";
        private const string ByAzure = "AzureContainerRegistry";

        /// <summary>The registry: a host such as registry.example.com:5000, or docker.io (the default).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCredential)]
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByToken)]
        [Alias("ServerAddress")]
        [ValidateNotNullOrEmpty]
        public string? Registry { get; set; }

        /// <summary>The user name and password (or access token) to log in with.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByCredential)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>Who the identity token belongs to, for the returned object (stores keep a token without it).</summary>
        [Parameter(ParameterSetName = ByToken)]
        [ValidateNotNullOrEmpty]
        public string? UserName { get; set; }

        /// <summary>An identity (OAuth refresh) token, as a registry's own login flow hands it out.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByToken)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>An Azure container registry: its name (myregistry, for myregistry.azurecr.io) or its whole login server.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByAzure, ValueFromPipelineByPropertyName = true)]
        [Alias("LoginServer")]
        [ValidateNotNullOrEmpty]
        public string? AzureContainerRegistry { get; set; }

        /// <summary>An Entra access token to exchange; without it, one comes from the module's Azure credentials.</summary>
        [Parameter(ParameterSetName = ByAzure)]
        [SecretArgument]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        /// <summary>The Entra tenant of the token; read from the token's tid claim when not given.</summary>
        [Parameter(ParameterSetName = ByAzure)]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        protected override async Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (ParameterSetName == ByAzure)
            {
                await new ConnectAzureRegistryCommand(RegistryLogins.Store, new AzureRegistryTokenExchange())
                {
                    Registry = AzureContainerRegistry,
                    // NetworkCredential copies the SecureString out without leaving an unmanaged copy behind.
                    AccessToken = AccessToken == null ? null : new NetworkCredential(string.Empty, AccessToken).Password,
                    TenantId = TenantId,
                }.ExecuteAsync(output, cancellationToken);
                return;
            }

            RegistryCredential credential = ParameterSetName == ByToken
                ? RegistryCredentialInput.FromIdentityToken(Token!, "Token")
                : RegistryLogins.From(Credential) ?? throw new PSArgumentException("-Credential needs a user name and a password.", "Credential");
            try
            {
                await new ConnectRegistryCommand(RegistryLogins.Store, new RegistryLoginCheck())
                {
                    Registry = Registry,
                    Credential = credential,
                    UserName = UserName,
                }.ExecuteAsync(output, cancellationToken);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // A refused or unreachable login is that registry's error (its target), and the next piped registry is still tried.
                output.WriteError(ErrorClassifier.Classify(e, Registry ?? "docker.io"));
            }
        }
    }
}
