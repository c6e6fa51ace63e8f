using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>
    /// Completes container names from the engine the command would use: the ones the command can act on
    /// (Start-Container stopped ones, Stop-Container running ones; see <see cref="ContainerStates"/>), else all.
    /// </summary>
    public sealed class ContainerNameCompleter : EngineArgumentCompleter
    {
        public ContainerNameCompleter()
            : base(EngineCompleters.ContainerNames)
        {
        }

        protected override EngineNameCompleter NamesFor(string commandName) => EngineCompleters.ContainerNamesFor(commandName);
    }
}
