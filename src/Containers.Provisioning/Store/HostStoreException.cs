namespace Containers.Provisioning.Store
{
    /// <summary>A host store operation that was refused or failed; the message names the host and the file involved.</summary>
    public sealed class HostStoreException : Exception
    {
        public HostStoreException(HostStoreFailure failure, string hostName, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Failure = failure;
            HostName = hostName;
        }

        public HostStoreFailure Failure { get; }

        public string HostName { get; }
    }
}
