using Containers.Commands.Targets;
using Containers.Errors;
using Containers.Output;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;

namespace Containers.Commands.Hosts
{
    /// <summary>
    /// Remove-ContainerHost: the driver removes the machine or engine and its data, then the host leaves the store (its
    /// folder and docker context). When the driver fails, the record stays, so the user can try again; with
    /// <see cref="Force"/> the record goes anyway (the machine is gone, or is to be forgotten), with a warning.
    /// </summary>
    public sealed class RemoveContainerHostCommand
    {
        private readonly HostCommandContext _context;

        public RemoveContainerHostCommand(HostCommandContext context)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
        }

        public IReadOnlyList<string>? Name { get; set; }

        public bool Force { get; set; }

        /// <summary>Write each removed host as it was recorded (State Stopped, no engine).</summary>
        public bool PassThru { get; set; }

        public Task ExecuteAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            PerTarget.ActAsync(
                HostTargets.ExpandOrReport(_context.Store, Name, output),
                output,
                name => name,
                "Remove the host: its engine, the engine's data, its record and its docker context",
                name => RemoveAsync(name, output, cancellationToken),
                (e, name) => ErrorClassifier.Classify(e, name, HostTargets.Resource));

        private async Task RemoveAsync(string name, ICommandOutput output, CancellationToken cancellationToken)
        {
            HostRecord? record = await RemoveMachineAsync(name, output, cancellationToken);
            _context.Store.Remove(name);
            if (PassThru && record != null)
            {
                Models.ContainerHost removed = HostDescriber.FromRecord(_context.Store, record);
                removed.State = HostState.Stopped;
                removed.Engine = null;
                output.WriteObject(removed);
            }
        }

        private async Task<HostRecord?> RemoveMachineAsync(string name, ICommandOutput output, CancellationToken cancellationToken)
        {
            HostRecord? record = null;
            try
            {
                record = _context.Store.Get(name);
                IHostDriver driver = _context.Drivers(record.Driver);
                await driver.RemoveAsync(_context.Store, record, cancellationToken);
            }
            catch (Exception e) when (Force && !(e is OperationCanceledException))
            {
                output.WriteWarning($"The machine of the host '{name}' could not be removed ({e.Message}); -Force removes the host's record anyway.");
            }

            return record;
        }
    }
}
