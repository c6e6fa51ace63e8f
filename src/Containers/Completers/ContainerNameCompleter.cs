using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes container names (stopped ones too), from the engine the command would use.</summary>
    public sealed class ContainerNameCompleter : EngineArgumentCompleter
    {
        public ContainerNameCompleter()
            : base(EngineCompleters.ContainerNames)
        {
        }
    }
}
