namespace Containers.Provisioning.Drivers
{
    /// <summary>-Driver names a driver this version cannot use (not written yet, or unknown).</summary>
    public sealed class HostDriverNotAvailableException : Exception
    {
        public HostDriverNotAvailableException(string driver, string message)
            : base(message)
        {
            Driver = driver;
        }

        public string Driver { get; }
    }
}
