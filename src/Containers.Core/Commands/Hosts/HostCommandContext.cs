using Containers.EngineSelection;
using Containers.Provisioning;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;

namespace Containers.Commands.Hosts
{
    /// <summary>What every host command works with: the host store, and how to get a driver by name (tests give their own).</summary>
    public sealed class HostCommandContext
    {
        public HostCommandContext(HostStore store, Func<string, IHostDriver>? drivers = null)
        {
            Store = store ?? throw new ArgumentNullException(nameof(store));
            Drivers = drivers ?? HostDriverFactory.Get;
            AzureDriver = drivers == null ? HostDrivers.GetAzure : _ => drivers(HostDrivers.Azure);
        }

        /// <summary>The store of the process's environment (CONTAINERS_HOST_STORE, DOCKER_CONFIG), as -Engine NAME reads it.</summary>
        public static HostCommandContext ForProcess() => new HostCommandContext(EngineSelector.ForProcess.HostStore);

        public HostStore Store { get; }

        public Func<string, IHostDriver> Drivers { get; }

        /// <summary>The Azure driver for New-ContainerHost, with its parameters; tests that give their own drivers get theirs.</summary>
        public Func<AzureHostOptions, IHostDriver> AzureDriver { get; set; }
    }
}
