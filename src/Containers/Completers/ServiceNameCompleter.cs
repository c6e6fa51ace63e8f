using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes swarm service names, from the engine the command would use.</summary>
    public sealed class ServiceNameCompleter : EngineArgumentCompleter
    {
        public ServiceNameCompleter()
            : base(EngineCompleters.ServiceNames)
        {
        }
    }
}
