using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>Get-ContainerImageDetail: docker image inspect, one object per image named (per repository:tag a wildcard matches).</summary>
    public sealed class GetContainerImageDetailCommand : TargetCommand
    {
        public GetContainerImageDetailCommand()
            : base(ImageTargets.Kind)
        {
        }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            ImageInspect inspect = await engine.Client.Images.InspectAsync(target, cancellationToken);
            output.WriteObject(ContainerImageDetail.FromInspect(inspect, engine, target));
        }
    }
}
