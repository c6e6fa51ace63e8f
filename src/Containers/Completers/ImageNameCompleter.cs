using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes image names as repository:tag, from the engine the command would use.</summary>
    public sealed class ImageNameCompleter : EngineArgumentCompleter
    {
        public ImageNameCompleter()
            : base(EngineCompleters.ImageNames)
        {
        }
    }
}
