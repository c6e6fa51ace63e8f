using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes config names wherever a config is named (New-ContainerService -Config).</summary>
    public sealed class ConfigNameCompleter : EngineArgumentCompleter
    {
        public ConfigNameCompleter()
            : base(EngineCompleters.ConfigNames)
        {
        }
    }
}
