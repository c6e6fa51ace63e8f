using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes compose project names, from the engine the command would use.</summary>
    public sealed class ProjectNameCompleter : EngineArgumentCompleter
    {
        public ProjectNameCompleter()
            : base(EngineCompleters.ProjectNames)
        {
        }
    }
}
