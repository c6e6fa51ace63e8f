using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Remove-Container: -Force removes running containers too; -Volume removes their anonymous volumes.</summary>
    public sealed class RemoveContainerCommand : ContainerActionCommand
    {
        public bool Force { get; set; }

        public bool RemoveVolumes { get; set; }

        protected override string Action => Force ? "Remove (even if running)" : "Remove";

        protected override Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken) =>
            engine.Client.Containers.RemoveAsync(target, Force, RemoveVolumes, cancellationToken);
    }
}
