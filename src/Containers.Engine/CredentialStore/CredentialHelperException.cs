namespace Containers.Engine.CredentialStore
{
    /// <summary>A credential helper (<c>docker-credential-NAME</c>) is missing, failed, hung or answered nonsense.</summary>
    public sealed class CredentialHelperException : CredentialStoreException
    {
        public CredentialHelperException(string message, string helperName, CredentialHelperFailure failure, string? configFile, Exception? innerException = null)
            : base(message, configFile, innerException)
        {
            HelperName = helperName;
            Failure = failure;
        }

        /// <summary>The helper's name as config.json gives it (<c>pass</c>, <c>desktop</c>), without the <c>docker-credential-</c> prefix.</summary>
        public string HelperName { get; }

        public CredentialHelperFailure Failure { get; }
    }
}
