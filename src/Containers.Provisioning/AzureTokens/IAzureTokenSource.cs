namespace Containers.Provisioning.AzureTokens
{
    /// <summary>
    /// Gets Entra tokens in the module's credential order (a token the user gave, managed identity, Azure PowerShell, Azure
    /// CLI, interactive browser). Implemented beside the Azure libraries; the module sees only this interface.
    /// </summary>
    public interface IAzureTokenSource
    {
        /// <param name="scopes">For example https://management.azure.com/.default or https://containerregistry.azure.net/.default.</param>
        Task<AzureAccessToken> GetTokenAsync(string[] scopes, CancellationToken cancellationToken);
    }
}
