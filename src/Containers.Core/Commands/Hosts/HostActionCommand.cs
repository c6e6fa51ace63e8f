using Containers.Commands.Targets;
using Containers.Errors;
using Containers.Output;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;

namespace Containers.Commands.Hosts
{
    /// <summary>
    /// Start-, Stop- and Restart-ContainerHost: asks each host's driver to act, with ShouldProcess per host; a failure
    /// is reported for that host and the next goes on; -PassThru returns the host with its state afterwards.
    /// </summary>
    public sealed class HostActionCommand
    {
        private readonly HostCommandContext _context;

        public HostActionCommand(HostCommandContext context, HostAction action)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            Action = action;
        }

        public HostAction Action { get; }

        public IReadOnlyList<string>? Name { get; set; }

        public bool PassThru { get; set; }

        public Task ExecuteAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            PerTarget.ActAsync(
                HostTargets.ExpandOrReport(_context.Store, Name, output),
                output,
                name => name,
                Action + " the host's engine",
                name => ActAsync(name, output, cancellationToken),
                (e, name) => ErrorClassifier.Classify(e, name, HostTargets.Resource));

        private async Task ActAsync(string name, ICommandOutput output, CancellationToken cancellationToken)
        {
            HostRecord record = _context.Store.Get(name);
            IHostDriver driver = _context.Drivers(record.Driver);
            output.WriteVerbose($"{Action} the host '{name}' ({record.Driver}, {record.EngineAddress}).");
            switch (Action)
            {
                case HostAction.Start:
                    await driver.StartAsync(_context.Store, record, cancellationToken);
                    break;
                case HostAction.Stop:
                    await driver.StopAsync(_context.Store, record, cancellationToken);
                    break;
                default:
                    await driver.RestartAsync(_context.Store, record, cancellationToken);
                    break;
            }

            if (PassThru)
            {
                output.WriteObject(await HostDescriber.DescribeAsync(_context, name, cancellationToken));
            }
        }
    }
}
