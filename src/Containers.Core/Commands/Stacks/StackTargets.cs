using Containers.Commands.Targets;
using Containers.Errors;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// Stacks as targets: a literal name passes through (the command finds its objects by label, and says when there are
    /// none); a wildcard matches the names of the stacks that have services (docker stack ls).
    /// </summary>
    public static class StackTargets
    {
        public static readonly TargetKind Kind = new TargetKind("stack", StackErrors.Resource, TargetKind.ByName(StackReading.NamesAsync))
        {
            Classifier = StackErrors.Classify,
        };
    }
}
