using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;

namespace Containers.Tests.Provisioning.Drivers
{
    /// <summary>A driver test double's base: everything goes to the real driver unless overridden.</summary>
    public abstract class DelegatingDriver : IHostDriver
    {
        protected DelegatingDriver(IHostDriver inner)
        {
            Inner = inner;
        }

        protected IHostDriver Inner { get; }

        public string Name => Inner.Name;

        public virtual IReadOnlyList<ProvisioningStep> PlanCreation(HostCreation creation) => Inner.PlanCreation(creation);

        public Task<HostStatus> GetStatusAsync(HostStore store, HostRecord host, CancellationToken cancellationToken) => Inner.GetStatusAsync(store, host, cancellationToken);

        public Task StartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken) => Inner.StartAsync(store, host, cancellationToken);

        public Task StopAsync(HostStore store, HostRecord host, CancellationToken cancellationToken) => Inner.StopAsync(store, host, cancellationToken);

        public Task RestartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken) => Inner.RestartAsync(store, host, cancellationToken);

        public Task RemoveAsync(HostStore store, HostRecord host, CancellationToken cancellationToken) => Inner.RemoveAsync(store, host, cancellationToken);

        public Task<IReadOnlyList<string>> GetServerNamesAsync(HostStore store, HostRecord host, string? newAddress, CancellationToken cancellationToken) =>
            Inner.GetServerNamesAsync(store, host, newAddress, cancellationToken);

        public Task ApplyServerCertificateAsync(HostStore store, HostRecord host, ServerCertificateFiles certificate, CancellationToken cancellationToken) =>
            Inner.ApplyServerCertificateAsync(store, host, certificate, cancellationToken);
    }
}
