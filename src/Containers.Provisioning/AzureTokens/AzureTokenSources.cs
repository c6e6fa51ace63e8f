namespace Containers.Provisioning.AzureTokens
{
    /// <summary>
    /// Where commands get an <see cref="IAzureTokenSource"/>. The cmdlet assembly installs <see cref="Factory"/> when it
    /// can load the Azure libraries (they load on first use, apart from the module); tests install their own.
    /// </summary>
    public static class AzureTokenSources
    {
        /// <summary>Makes a token source; its argument is the access token the user gave (-AccessToken), or null.</summary>
        public static Func<string?, IAzureTokenSource>? Factory { get; set; }

        /// <exception cref="InvalidOperationException">No factory is installed (the Azure libraries could not be loaded).</exception>
        public static IAzureTokenSource Create(string? accessToken)
        {
            Func<string?, IAzureTokenSource> factory = Factory
                ?? throw new InvalidOperationException("The Azure libraries are not available in this session, so no Azure credential can be used.");
            return factory(accessToken);
        }
    }
}
