using Containers.Commands.Targets;

namespace Containers.Commands.Networks
{
    /// <summary>
    /// Networks as targets: a literal name or id passes through (trimmed); a wildcard matches network names. Failures
    /// read as <see cref="NetworkErrors"/> has them.
    /// </summary>
    public static class NetworkTargets
    {
        public static readonly TargetKind Kind = new TargetKind(
            "network",
            "Network",
            TargetKind.ByName(async (engine, cancellationToken) =>
                (await engine.Client.Networks.ListAsync(null, cancellationToken)).Select(network => network.Name)))
        {
            Literal = named => named.Trim(),
            Classifier = NetworkErrors.Classify,
        };
    }
}
