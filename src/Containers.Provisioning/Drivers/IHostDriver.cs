using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;

namespace Containers.Provisioning.Drivers
{
    /// <summary>
    /// What makes and runs the machines behind hosts of one kind (Local, Ssh, Azure). Creation is a list of steps that a
    /// <see cref="ProvisioningTransaction"/> runs (and undoes on failure); the rest acts on a host already in the store.
    /// </summary>
    public interface IHostDriver
    {
        /// <summary>The name host.json records and -Driver takes.</summary>
        string Name { get; }

        /// <summary>The steps that make the host, nothing run yet: -WhatIf lists them. One of them must set <see cref="HostCreation.Record"/>.</summary>
        IReadOnlyList<ProvisioningStep> PlanCreation(HostCreation creation);

        /// <summary>The live state, quickly (a few seconds at most), never throwing for an engine that does not answer.</summary>
        Task<HostStatus> GetStatusAsync(HostStore store, HostRecord host, CancellationToken cancellationToken);

        /// <summary>Starts the machine and its engine and waits until the engine answers; nothing when it already does.</summary>
        Task StartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken);

        /// <summary>Stops the engine (or the machine); nothing when it is already stopped.</summary>
        Task StopAsync(HostStore store, HostRecord host, CancellationToken cancellationToken);

        Task RestartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken);

        /// <summary>Removes the machine or engine and its data. The store's record is the caller's to remove afterwards.</summary>
        Task RemoveAsync(HostStore store, HostRecord host, CancellationToken cancellationToken);

        /// <summary>The addresses and names the server certificate should hold now (the first is the address clients use).</summary>
        Task<IReadOnlyList<string>> GetServerNamesAsync(HostStore store, HostRecord host, string? newAddress, CancellationToken cancellationToken);

        /// <summary>
        /// Gives the engine the server certificate the store just issued (the record already names its new address) and
        /// restarts it so that it serves the certificate.
        /// </summary>
        Task ApplyServerCertificateAsync(HostStore store, HostRecord host, ServerCertificateFiles certificate, CancellationToken cancellationToken);
    }
}
