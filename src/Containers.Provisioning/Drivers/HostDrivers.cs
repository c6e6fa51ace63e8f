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

        /// <summary>
        /// Makes the Azure driver (with New-ContainerHost's Azure parameters, or null for a host already made). Installed
        /// by the cmdlet assembly, which loads the Azure libraries on first use apart from the module; tests install their own.
        /// </summary>
        public static Func<AzureHostOptions?, IHostDriver>? AzureFactory { get; set; }

        /// <summary>The Azure driver with New-ContainerHost's parameters.</summary>
        /// <exception cref="HostDriverNotAvailableException">The Azure libraries cannot be loaded in this session.</exception>
        public static IHostDriver GetAzure(AzureHostOptions? options)
        {
            Func<AzureHostOptions?, IHostDriver> factory = AzureFactory
                ?? throw new HostDriverNotAvailableException(Azure, "The Azure driver is not available in this session: the module's Azure folder (the Azure libraries) was not found beside Containers.dll.");
            return factory(options);
        }

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

            if (string.Equals(name, Azure, StringComparison.OrdinalIgnoreCase))
            {
                return GetAzure(null);
            }

            throw new HostDriverNotAvailableException(name, $"There is no host driver named '{name}'; the drivers are {string.Join(", ", Names)}.");
        }
    }
}
