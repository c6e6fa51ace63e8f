using System.Management.Automation;
using Containers.Commands.Files;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Files
{
    /// <summary>
    /// Export-Container: docker export. Writes one container's filesystem to a tar file, which appears only once it is
    /// complete.
    /// </summary>
    [Cmdlet(VerbsData.Export, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ByName)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportContainerCmdlet : ContainerTargetCmdlet
    {
        /// <summary>One archive is written from one engine.</summary>
        protected override bool ActsOnManyEngines => false;

        // Made with the first record and kept: it knows which container the file already holds.
        private ExportContainerCommand? _command;

        /// <summary>The tar file to write.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return the file written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            ExportContainerCommand command = _command ??= new ExportContainerCommand(GetUnresolvedProviderPathFromPSPath(Path)) { Force = Force, PassThru = PassThru };
            return ForEachEngineAsync((engine, targets) => command.ExecuteAsync(engine, targets, output, cancellationToken));
        }
    }
}
