using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes volume names for the volume cmdlets' -Name, from the engine the command would use.</summary>
    public sealed class ContainerVolumeNameCompleter : EngineArgumentCompleter
    {
        public ContainerVolumeNameCompleter()
            : base(EngineCompleters.VolumeObjectNames)
        {
        }
    }
}
