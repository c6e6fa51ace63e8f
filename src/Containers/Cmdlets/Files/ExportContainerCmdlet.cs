using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Containers;
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
        private readonly List<string> _exported = new List<string>();

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

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ForEachEngineAsync(async (engine, targets) =>
            {
                string file = GetUnresolvedProviderPathFromPSPath(Path);
                foreach (string named in targets)
                {
                    foreach (string target in await ContainerTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                    {
                        // One container per file: a second one (piped, or matched by a wildcard) would replace the first.
                        if (_exported.Count > 0)
                        {
                            output.WriteError(new CommandError("OneContainerPerFile", ErrorKind.InvalidArgument,
                                $"Container '{target}' was not exported: '{file}' already holds the export of '{_exported[0]}'. Export each container to its own file.",
                                target));
                            continue;
                        }

                        _exported.Add(target);
                        await new ExportContainerCommand(file) { Force = Force, PassThru = PassThru }.ExecuteAsync(engine, target, output, cancellationToken);
                    }
                }
            });
    }
}
