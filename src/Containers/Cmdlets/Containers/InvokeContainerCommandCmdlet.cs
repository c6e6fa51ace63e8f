using System.Collections;
using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>
    /// Invoke-ContainerCommand: runs a command in running containers (docker exec) like a native command: output lines to
    /// the pipeline, error lines to the error stream, the exit code in $LASTEXITCODE; -PassThru returns one result object.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ContainerCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByName)]
    [OutputType(typeof(string), typeof(ContainerCommandResult))]
    public sealed class InvokeContainerCommandCmdlet : ContainerTargetCmdlet
    {
        /// <summary>The program and its arguments, for example 'sh', '-c', 'ls /'.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Command { get; set; } = new string[0];

        /// <summary>Run as this user (name or UID[:GID]).</summary>
        [Parameter]
        public string? User { get; set; }

        /// <summary>Run in this directory inside the container.</summary>
        [Parameter]
        public string? WorkingDirectory { get; set; }

        /// <summary>Extra environment variables.</summary>
        [Parameter]
        public Hashtable? Environment { get; set; }

        /// <summary>Give the process extended privileges.</summary>
        [Parameter]
        public SwitchParameter Privileged { get; set; }

        /// <summary>Text for the process's standard input.</summary>
        [Parameter]
        public string? InputText { get; set; }

        /// <summary>Return one result object (ExitCode, Output, Error) instead of streaming.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ForEachEngineAsync((engine, targets) =>
                new InvokeContainerCommandCommand(Command)
                {
                    User = User,
                    WorkingDirectory = WorkingDirectory,
                    Environment = EnvironmentConverter.ToEntries(Environment),
                    Privileged = Privileged,
                    Input = InputText,
                    PassThru = PassThru,
                }.ExecuteAsync(engine, targets, output, cancellationToken));
    }
}
