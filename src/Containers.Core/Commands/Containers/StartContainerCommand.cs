using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Start-Container.</summary>
    public sealed class StartContainerCommand : ContainerActionCommand
    {
        protected override string Action => "Start";

        protected override async Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (!await engine.Client.Containers.StartAsync(target, cancellationToken))
            {
                output.WriteVerbose($"Container '{target}' was already running.");
            }
        }
    }
}
