using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Suspend-Container: pause every process in the container.</summary>
    public sealed class SuspendContainerCommand : ContainerActionCommand
    {
        protected override string Action => "Suspend (pause)";

        protected override Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken) =>
            engine.Client.Containers.PauseAsync(target, cancellationToken);
    }
}
