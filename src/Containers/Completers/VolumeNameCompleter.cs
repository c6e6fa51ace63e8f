using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes the volume-name part of -Volume ('name:/path'), from the engine the command would use.</summary>
    public sealed class VolumeNameCompleter : EngineArgumentCompleter
    {
        public VolumeNameCompleter()
            : base(EngineCompleters.VolumeNames)
        {
        }
    }
}
