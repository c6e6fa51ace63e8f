using Containers.Commands.Stacks;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>Stack names (of the stacks with services, as docker stack ls lists them), with their service count as the tip.</summary>
    public static class StackNameSource
    {
        /// <summary>The completer the stack cmdlets' -Name and the service cmdlets' -Stack use.</summary>
        public static EngineNameCompleter Completer { get; } = new EngineNameCompleter(ListAsync);

        public static async Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            List<ContainerStack> stacks = await StackReading.ListAsync(engine, cancellationToken);
            return stacks
                .Select(stack => new CompletionCandidate(stack.Name, $"{stack.Name}: stack of {stack.Services.Count} service{(stack.Services.Count == 1 ? string.Empty : "s")}"))
                .ToArray();
        }
    }
}
