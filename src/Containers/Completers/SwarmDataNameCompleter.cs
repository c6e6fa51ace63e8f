using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>
    /// Completes the -Name the secret and config cmdlets share (their parameters are declared once, on bases common to
    /// both): config names on *-ContainerConfig, secret names on *-ContainerSecret.
    /// </summary>
    public sealed class SwarmDataNameCompleter : EngineArgumentCompleter
    {
        public SwarmDataNameCompleter()
            : base(EngineCompleters.SecretNames)
        {
        }

        protected override EngineNameCompleter NamesFor(string commandName) =>
            commandName.EndsWith("Config", StringComparison.OrdinalIgnoreCase) ? EngineCompleters.ConfigNames : EngineCompleters.SecretNames;
    }
}
