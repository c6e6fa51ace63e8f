using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>
    /// Invoke-ContainerImage: docker run. Without -Detach it behaves like a native command (output lines to the
    /// pipeline, error lines to the error stream, the exit code in $LASTEXITCODE); with -Detach it returns the started
    /// container.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ContainerImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(string), typeof(ContainerCommandResult), typeof(Container))]
    public sealed class InvokeContainerImageCmdlet : ContainerCreationCmdlet
    {
        /// <summary>Like a native command, it runs once, with one exit code in $LASTEXITCODE.</summary>
        protected override bool ActsOnManyEngines => false;

        /// <summary>Start the container and return it at once instead of waiting for it to exit.</summary>
        [Parameter]
        public SwitchParameter Detach { get; set; }

        /// <summary>Remove the container once it has exited (docker run --rm).</summary>
        [Parameter]
        [Alias("Rm")]
        public SwitchParameter Remove { get; set; }

        /// <summary>Without -Detach: return one result object (ExitCode, Output, Error) instead of streaming the output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Text for the process's standard input, which then ends (like piping text into docker run -i).</summary>
        [Parameter]
        public string? InputText { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new InvokeContainerImageCommand(CreateCommand()) { Detach = Detach, Remove = Remove, PassThru = PassThru, Input = InputText }
                .ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
