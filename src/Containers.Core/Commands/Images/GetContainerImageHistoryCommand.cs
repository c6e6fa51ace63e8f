using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>Get-ContainerImageHistory: docker history, one object per step, newest first as the engine lists them.</summary>
    public sealed class GetContainerImageHistoryCommand : TargetCommand
    {
        public GetContainerImageHistoryCommand()
            : base(ImageTargets.Kind)
        {
        }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (ImageHistoryItem item in await engine.Client.Images.HistoryAsync(target, cancellationToken))
            {
                output.WriteObject(ContainerImageHistoryEntry.FromHistoryItem(item, target));
            }
        }
    }
}
