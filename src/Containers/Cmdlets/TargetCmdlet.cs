using Containers.Commands.Pruning;
using Containers.Commands.Targets;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// What every cmdlet that acts on existing engine objects shares, whatever the kind: the by-name parameter set, and
    /// handing each record's targets, grouped by engine, to one <see cref="TargetCommand"/> (or, for Remove-* -Unused,
    /// to a <see cref="PruneCommand"/>). Each kind's base (<see cref="ContainerTargetCmdlet"/>, ...) declares its own
    /// parameters, whose aliases and completers differ, and says how they name targets.
    /// </summary>
    public abstract class TargetCmdlet : ContainersCmdlet
    {
        protected const string ByName = "Name";

        /// <summary>
        /// Runs <paramref name="act"/> once per engine with the targets this record names on it. Piped objects bind
        /// -Engine from their own Engine property; objects given as an argument carry theirs too, so each goes to the
        /// engine it came from unless -Engine says otherwise.
        /// </summary>
        protected abstract Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act);

        /// <summary>Runs <paramref name="command"/> on this record's targets, engine by engine.</summary>
        protected Task ExecuteAsync(TargetCommand command, ICommandOutput output, CancellationToken cancellationToken) =>
            ForEachEngineAsync((engine, targets) => command.ExecuteAsync(engine, targets, output, cancellationToken));

        /// <summary>A Remove-* cmdlet's two shapes: the prune in <paramref name="pruneSet"/>, else the removal of the targets named.</summary>
        protected Task RemoveOrPruneAsync(string pruneSet, Func<PruneCommand> prune, Func<TargetCommand> remove, ICommandOutput output, CancellationToken cancellationToken) =>
            ParameterSetName == pruneSet
                ? prune().ExecuteAsync(SelectEngine(), output, cancellationToken)
                : ExecuteAsync(remove(), output, cancellationToken);
    }
}
