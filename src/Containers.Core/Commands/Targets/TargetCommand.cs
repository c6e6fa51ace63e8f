using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Targets
{
    /// <summary>
    /// The shape every "do X to these objects" command shares: expand each name (<see cref="TargetKind"/>), ask
    /// ShouldProcess for each target when the command changes something, act, and report a failure for that target as
    /// a non-terminating error and go on with the next. A command gives its kind, its verb and what it does to one target.
    /// </summary>
    public abstract class TargetCommand
    {
        protected TargetCommand(TargetKind kind)
        {
            Kind = kind ?? throw new ArgumentNullException(nameof(kind));
        }

        protected TargetKind Kind { get; }

        /// <summary>The verb as -WhatIf shows it; null for a command that only reads, which asks nothing.</summary>
        protected virtual string? Action => null;

        /// <summary>What the command does to one target; an exception about that target is reported by <see cref="Classify"/>.</summary>
        protected abstract Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken);

        /// <summary>
        /// The targets to act on of those one name expanded to: all of them, unless the command refuses some (it then
        /// reports why) or passes over some without a word.
        /// </summary>
        protected virtual IReadOnlyList<string> Narrow(string named, IReadOnlyList<string> expanded, ICommandOutput output) => expanded;

        /// <summary>How a failure for one target reads (a command may know better than its kind).</summary>
        protected virtual CommandError Classify(Exception exception, string target) => Kind.Classify(exception, target);

        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string named in targets)
            {
                IReadOnlyList<string> expanded = await Kind.ExpandOrReportAsync(engine, named, output, cancellationToken);
                await PerTarget.ActAsync(
                    Narrow(named, expanded, output),
                    output,
                    target => Kind.Describe(target, engine),
                    Action,
                    target => ProcessAsync(engine, target, output, cancellationToken),
                    Classify);
            }
        }
    }
}
