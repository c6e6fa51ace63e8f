using Containers.Commands.Targets;
using Containers.Engine.Endpoints;
using Containers.Models;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Containers as targets: a literal name or id passes through (without a leading '/'); a wildcard matches container
    /// names among all containers, as Stop-Process -Name does.
    /// </summary>
    public static class ContainerTargets
    {
        public static readonly TargetKind Kind = new TargetKind(
            "container",
            "Container",
            TargetKind.ByName(async (engine, cancellationToken) =>
                (await engine.Client.Containers.ListAsync(new ContainerListParameters { All = true }, cancellationToken))
                    .Select(summary => Container.FromSummary(summary, engine).Name)))
        {
            Literal = named => named.TrimStart('/'),
        };
    }
}
