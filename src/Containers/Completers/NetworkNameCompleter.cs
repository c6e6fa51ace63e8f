using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes network names, from the engine the command would use.</summary>
    public sealed class NetworkNameCompleter : EngineArgumentCompleter
    {
        public NetworkNameCompleter()
            : base(EngineCompleters.NetworkNames)
        {
        }
    }
}
