namespace Containers.Provisioning.Drivers
{
    /// <summary>A driver could not do what it was asked; the message is the driver's own account of why.</summary>
    public sealed class HostDriverException : Exception
    {
        public HostDriverException(string hostName, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            HostName = hostName;
        }

        public string HostName { get; }
    }
}
