using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Local;
using Containers.Provisioning.Drivers.Ssh;

namespace Containers.Provisioning
{
    /// <summary>Makes a host driver from its name.</summary>
    public static class HostDriverFactory
    {
        /// <summary>The driver of that name: on Windows the Local driver uses the Docker engine service, elsewhere a dockerd of its own.</summary>
        /// <exception cref="HostDriverNotAvailableException">Unknown, or not available in this version.</exception>
        public static IHostDriver Get(string name)
        {
            if (string.Equals(name, HostDrivers.Local, StringComparison.OrdinalIgnoreCase))
            {
                return Environment.OSVersion.Platform == PlatformID.Win32NT ? new WindowsServiceDriver() : (IHostDriver)new LocalDockerdDriver();
            }

            if (string.Equals(name, HostDrivers.Ssh, StringComparison.OrdinalIgnoreCase))
            {
                return new SshHostDriver();
            }

            if (string.Equals(name, HostDrivers.Azure, StringComparison.OrdinalIgnoreCase))
            {
                return HostDrivers.GetAzure(null);
            }

            throw new HostDriverNotAvailableException(name, $"There is no host driver named '{name}'; the drivers are {string.Join(", ", HostDrivers.Names)}.");
        }
    }
}
