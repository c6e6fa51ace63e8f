using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes swarm nodes' host names for the node cmdlets' -Name, from the manager the command would use.</summary>
    public sealed class SwarmNodeNameCompleter : EngineArgumentCompleter
    {
        public SwarmNodeNameCompleter()
            : base(SwarmNodeNameSource.Completer)
        {
        }
    }
}
