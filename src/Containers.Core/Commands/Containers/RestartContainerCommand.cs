using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Restart-Container.</summary>
    public sealed class RestartContainerCommand : ContainerActionCommand
    {
        public int? Timeout { get; set; }

        protected override string Action => "Restart";

        protected override Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken) =>
            engine.Client.Containers.RestartAsync(target, Timeout, cancellationToken);
    }
}
