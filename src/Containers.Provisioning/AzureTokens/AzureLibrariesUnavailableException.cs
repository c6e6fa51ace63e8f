namespace Containers.Provisioning.AzureTokens
{
    /// <summary>
    /// An Azure credential was needed but no token source is installed (<see cref="AzureTokenSources.Factory"/> is null):
    /// the Azure libraries could not be loaded in this session.
    /// </summary>
    public sealed class AzureLibrariesUnavailableException : Exception
    {
        public AzureLibrariesUnavailableException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }
    }
}
