using Containers.Commands.Targets;

namespace Containers.Commands.Services
{
    /// <summary>Services as targets: a literal name, id or id prefix passes through; a wildcard matches service names.</summary>
    public static class ServiceTargets
    {
        /// <summary>For error ids: ServiceNotFound, ServiceNameInUse, ...</summary>
        public const string Resource = "Service";

        public static readonly TargetKind Kind = new TargetKind(
            "service",
            Resource,
            TargetKind.ByName(async (engine, cancellationToken) =>
                (await engine.Client.Services.ListAsync(null, cancellationToken)).Select(service => service.Spec.Name ?? service.ID)));
    }
}
