using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>Update-Container: docker update, changing memory and CPU limits and the restart policy of existing containers.</summary>
    [Cmdlet(VerbsData.Update, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ByName)]
    [OutputType(typeof(Container))]
    public sealed class UpdateContainerCmdlet : ContainerTargetCmdlet
    {
        /// <summary>A memory limit: bytes (512MB works as PowerShell writes it) or docker's form ('512m', '1g').</summary>
        [Parameter]
        public object? Memory { get; set; }

        /// <summary>Memory plus swap, in the same forms as -Memory; -1 for unlimited swap.</summary>
        [Parameter]
        public object? MemorySwap { get; set; }

        /// <summary>How many CPUs the container may use, for example 1.5.</summary>
        [Parameter]
        public object? Cpu { get; set; }

        /// <summary>The container's relative CPU weight when CPUs are contended (1024 is the default).</summary>
        [Parameter]
        [ValidateRange(0L, long.MaxValue)]
        public long? CpuShares { get; set; }

        /// <summary>no, always, unless-stopped, on-failure or on-failure:N.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RestartPolicyCompleter))]
        public string? RestartPolicy { get; set; }

        /// <summary>The most processes the container may run; 0 or -1 for no limit.</summary>
        [Parameter]
        [ValidateRange(-1L, long.MaxValue)]
        public long? PidsLimit { get; set; }

        /// <summary>Return the container afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            // Every value is checked here, before the first container is touched.
            var command = new UpdateContainerCommand(new ContainerUpdateOptions
            {
                Memory = Memory,
                MemorySwap = MemorySwap,
                Cpu = Cpu,
                CpuShares = CpuShares,
                RestartPolicy = RestartPolicy,
                PidsLimit = PidsLimit,
            }) { PassThru = PassThru };
            return ExecuteAsync(command, output, cancellationToken);
        }
    }
}
