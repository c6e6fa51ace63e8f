using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Get-ContainerDetail: docker inspect, as one object per container.</summary>
    public sealed class GetContainerDetailCommand : TargetCommand
    {
        public GetContainerDetailCommand()
            : base(ContainerTargets.Kind)
        {
        }

        /// <summary>Also compute the size of the container's writable layer (slow on large containers).</summary>
        public bool Size { get; set; }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            ContainerInspect inspect = await engine.Client.Containers.InspectAsync(target, Size, cancellationToken);
            output.WriteObject(ContainerDetail.FromInspect(inspect, engine));
        }
    }
}
