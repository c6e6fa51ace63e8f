using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes swarm stack names, from the manager the command would use (Get-, Remove-, Publish-ContainerStack, -Stack).</summary>
    public sealed class StackNameCompleter : EngineArgumentCompleter
    {
        public StackNameCompleter()
            : base(StackNameSource.Completer)
        {
        }
    }
}
