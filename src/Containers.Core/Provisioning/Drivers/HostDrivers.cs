using System;
using System.Collections.Generic;
using Containers.Provisioning.Drivers.Local;
using Containers.Provisioning.Drivers.Ssh;

namespace Containers.Provisioning.Drivers
{
    /// <summary>The drivers by name, as -Driver and host.json name them.</summary>
    public static class HostDrivers
    {
        public const string Local = "Local";
        public const string Ssh = "Ssh";
        public const string Azure = "Azure";

        /// <summary>Every driver name -Driver accepts, available or not.</summary>
        public static IReadOnlyList<string> Names { get; } = new[] { Local, Ssh, Azure };

        /// <summary>The driver of that name: on Windows the Local driver uses the Docker engine service, elsewhere a dockerd of its own.</summary>
        /// <exception cref="HostDriverNotAvailableException">Unknown, or not available in this version.</exception>
        public static IHostDriver Get(string name)
        {
            if (string.Equals(name, Local, StringComparison.OrdinalIgnoreCase))
            {
                return Environment.OSVersion.Platform == PlatformID.Win32NT ? new WindowsServiceDriver() : (IHostDriver)new LocalDockerdDriver();
            }

            if (string.Equals(name, Ssh, StringComparison.OrdinalIgnoreCase))
            {
                return new SshHostDriver();
            }

            if (string.Equals(name, Ssh, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Azure, StringComparison.OrdinalIgnoreCase))
            {
                string canonical = string.Equals(name, Ssh, StringComparison.OrdinalIgnoreCase) ? Ssh : Azure;
                throw new HostDriverNotAvailableException(canonical, $"The {canonical} driver is not yet available in this version of the module; only the Local driver is.");
            }

            throw new HostDriverNotAvailableException(name, $"There is no host driver named '{name}'; the drivers are {string.Join(", ", Names)}.");
        }
    }
}
