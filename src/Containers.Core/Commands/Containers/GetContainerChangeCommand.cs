using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Get-ContainerChange: docker diff, one object per path, in the engine's order (parents before children).</summary>
    public sealed class GetContainerChangeCommand : TargetCommand
    {
        public GetContainerChangeCommand()
            : base(ContainerTargets.Kind)
        {
        }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            ContainerInspect inspect = await engine.Client.Containers.InspectAsync(target, cancellationToken: cancellationToken);
            string name = (inspect.Name ?? target).TrimStart('/');
            foreach (ContainerChangeResponseItem change in await engine.Client.Containers.ChangesAsync(inspect.Id, cancellationToken))
            {
                output.WriteObject(new ContainerChange(inspect.Id, name, change.Path ?? string.Empty, ToKind(change.Kind), engine));
            }
        }

        private static ContainerChangeKind ToKind(int kind) =>
            kind == 1 ? ContainerChangeKind.Added : kind == 2 ? ContainerChangeKind.Deleted : ContainerChangeKind.Modified;
    }
}
