using Containers.Engine.Configuration;
using Containers.Engine.Ssh;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Ssh;
using Containers.Provisioning.Store;

namespace Containers.EngineSelection
{
    /// <summary>
    /// The hosts of the host store made by the Ssh driver, as pins for ssh:// engines: an ssh:// address at such a
    /// host's address and SSH port is checked against the host key the store pinned, and logs in with the user and key
    /// file it recorded, as the driver's own runs do. The store is read afresh at every connect.
    /// </summary>
    public sealed class StoreSshHosts : ISshPinnedHosts
    {
        private readonly IEngineEnvironment _environment;

        /// <param name="environment">Where CONTAINERS_HOST_STORE and the home folder are read.</param>
        public StoreSshHosts(IEngineEnvironment environment)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        }

        public static StoreSshHosts ForProcess { get; } = new StoreSshHosts(ProcessEnvironment.Instance);

        public SshConnection? Find(string address, int port)
        {
            var store = new HostStore(environment: _environment);
            foreach (string name in store.ListNames())
            {
                try
                {
                    HostRecord host = store.Get(name);
                    if (string.Equals(host.Driver, HostDrivers.Ssh, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(host.Address, address, StringComparison.OrdinalIgnoreCase)
                        && (host.SshPort ?? SshConnection.DefaultPort) == port)
                    {
                        return SshHostDriver.ConnectionFor(host);
                    }
                }
                catch (Exception e) when (e is HostStoreException || e is HostDriverException)
                {
                    // A record that cannot be read, or has no usable pin or key file, pins nothing: known_hosts and the
                    // user's own setup decide, as for any other host.
                }
            }

            return null;
        }
    }
}
