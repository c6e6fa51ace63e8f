namespace Containers.Azure.Credentials
{
    /// <summary>The kinds of Azure credential the module tries, in <see cref="AzureCredentialChain"/>'s order.</summary>
    public enum AzureCredentialKind
    {
        /// <summary>A token the user gave (-AccessToken): used alone, nothing else is tried.</summary>
        AccessToken,

        /// <summary>The managed identity of the Azure Automation account (or VM) the session runs in; when IDENTITY_ENDPOINT is set.</summary>
        ManagedIdentity,

        /// <summary>Connect-AzAccount's sign-in, through Get-AzAccessToken.</summary>
        AzurePowerShell,

        /// <summary>az login's sign-in.</summary>
        AzureCli,

        /// <summary>A browser window; only in an interactive session, never in a runbook.</summary>
        InteractiveBrowser,
    }
}
