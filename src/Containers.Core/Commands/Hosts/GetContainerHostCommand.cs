using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Hosts
{
    /// <summary>
    /// Get-ContainerHost: the hosts of the store with their live state, asked of every host at once (each within a few
    /// seconds), written in name order. A literal name no host has is an ObjectNotFound error; a wildcard that matches
    /// nothing is not.
    /// </summary>
    public sealed class GetContainerHostCommand
    {
        private readonly HostCommandContext _context;

        public GetContainerHostCommand(HostCommandContext context)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
        }

        /// <summary>Names or wildcards; all hosts when null.</summary>
        public IReadOnlyList<string>? Name { get; set; }

        public async Task ExecuteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<string> names = HostTargets.ExpandOrReport(_context.Store, Name, output);
            ContainerHost[] hosts = await Task.WhenAll(names.Select(name => HostDescriber.DescribeAsync(_context, name, cancellationToken)));
            foreach (ContainerHost host in hosts.OrderBy(h => h.Name, StringComparer.OrdinalIgnoreCase))
            {
                output.WriteObject(host);
            }
        }
    }
}
