using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Resume-Container: unpause.</summary>
    public sealed class ResumeContainerCommand : ContainerActionCommand
    {
        protected override string Action => "Resume (unpause)";

        protected override Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken) =>
            engine.Client.Containers.UnpauseAsync(target, cancellationToken);
    }
}
