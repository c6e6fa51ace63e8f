using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Stop-Container: SIGTERM, then SIGKILL after the timeout; -Force kills at once.</summary>
    public sealed class StopContainerCommand : ContainerActionCommand
    {
        /// <summary>Seconds to wait before killing; null means the container's own setting (10 s by default).</summary>
        public int? Timeout { get; set; }

        public bool Force { get; set; }

        protected override string Action => Force ? "Stop (kill)" : "Stop";

        protected override async Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (Force)
            {
                await engine.Client.Containers.StopAsync(target, 0, cancellationToken);
                return;
            }

            if (!await engine.Client.Containers.StopAsync(target, Timeout, cancellationToken))
            {
                output.WriteVerbose($"Container '{target}' was not running.");
            }
        }
    }
}
