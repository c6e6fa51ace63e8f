namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// The docker CLI's credential store cannot be used: config.json cannot be read, parsed or written, or a credential
    /// helper failed (<see cref="CredentialHelperException"/>). Messages name the file or helper, never a secret.
    /// </summary>
    public class CredentialStoreException : Exception
    {
        public CredentialStoreException(string message, string? configFile, Exception? innerException = null)
            : base(message, innerException)
        {
            ConfigFile = configFile;
        }

        /// <summary>The config.json at fault, or whose settings chose the helper that failed; null when none was involved.</summary>
        public string? ConfigFile { get; }
    }
}
