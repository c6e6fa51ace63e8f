using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes secret names wherever a secret is named (New-ContainerService -Secret).</summary>
    public sealed class SecretNameCompleter : EngineArgumentCompleter
    {
        public SecretNameCompleter()
            : base(EngineCompleters.SecretNames)
        {
        }
    }
}
