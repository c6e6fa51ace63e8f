using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Targets
{
    /// <summary>The target loop with its act given as a function (<see cref="TargetKind.ForEachAsync"/>).</summary>
    internal sealed class EachTarget : TargetCommand
    {
        private readonly Func<string, Task> _act;

        public EachTarget(TargetKind kind, Func<string, Task> act)
            : base(kind)
        {
            _act = act ?? throw new ArgumentNullException(nameof(act));
        }

        protected override Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken) =>
            _act(target);
    }
}
