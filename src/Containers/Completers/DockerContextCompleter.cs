namespace Containers.PowerShell.Completers
{
    /// <summary>Completes Connect-ContainerEngine -Context with docker context names.</summary>
    public sealed class DockerContextCompleter : EngineCompleter
    {
        protected override bool IncludeHosts => false;
    }
}
