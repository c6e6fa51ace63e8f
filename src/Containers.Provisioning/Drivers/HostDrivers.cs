namespace Containers.Provisioning.Drivers
{
    /// <summary>
    /// The drivers' names, as -Driver and host.json name them, and the Azure driver's factory. Making a driver by name is
    /// <see cref="HostDriverFactory"/>'s, a folder up: the drivers in Local/ and Ssh/ implement this folder's IHostDriver,
    /// so a list of them here would make the folders depend on each other.
    /// </summary>
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
    }
}
