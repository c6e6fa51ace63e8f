using Containers.EngineSelection;
using Containers.Models;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;

namespace Containers.Commands.Hosts
{
    /// <summary>Builds the <see cref="ContainerHost"/> users see from a record and its driver's live state.</summary>
    internal static class HostDescriber
    {
        /// <summary>The state is asked with this limit per host, on top of the probe's own, so one hung machine cannot hold a listing.</summary>
        public static readonly TimeSpan StatusLimit = TimeSpan.FromSeconds(5);

        /// <summary>The host with its live state; a record or driver that cannot be used gives State Error, never an exception.</summary>
        public static async Task<ContainerHost> DescribeAsync(HostCommandContext context, string name, CancellationToken cancellationToken)
        {
            HostRecord record;
            try
            {
                record = context.Store.Get(name);
            }
            catch (HostStoreException e)
            {
                return new ContainerHost { Name = name, State = HostState.Error, StateReason = e.Message, StorePath = context.Store.HostDirectory(name) };
            }

            ContainerHost host = FromRecord(context.Store, record);
            try
            {
                IHostDriver driver = context.Drivers(record.Driver);
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(StatusLimit);
                HostStatus status = await driver.GetStatusAsync(context.Store, record, limit.Token);
                host.State = status.State;
                host.EngineVersion = status.EngineVersion;
                host.StateReason = status.Reason;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                host.State = HostState.Unreachable;
                host.StateReason = $"The host's state could not be told within {StatusLimit.TotalSeconds:0} s.";
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                host.State = HostState.Error;
                host.StateReason = e.Message;
            }

            return host;
        }

        public static ContainerHost FromRecord(HostStore store, HostRecord record)
        {
            var host = new ContainerHost
            {
                Name = record.Name,
                Driver = record.Driver,
                Url = record.EngineAddress,
                Address = record.Address,
                Port = record.EnginePort,
                Created = record.Created.UtcDateTime,
                StorePath = store.HostDirectory(record.Name),
                ServerNames = new System.Collections.Generic.List<string>(record.ServerNames).ToArray(),
            };
            try
            {
                host.Engine = HostEngines.For(store, record);
            }
            catch (HostStoreException e)
            {
                host.State = HostState.Error;
                host.StateReason = e.Message;
            }

            return host;
        }
    }
}
