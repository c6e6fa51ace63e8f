using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>
    /// Export-ContainerImage: docker save. Everything named or piped in goes into one tar file, written once the
    /// pipeline's input has all arrived.
    /// </summary>
    [Cmdlet(VerbsData.Export, "ContainerImage", SupportsShouldProcess = true, DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerImage))]
    public sealed class ExportContainerImageCmdlet : ImageTargetCmdlet
    {
        /// <summary>One archive is saved from one engine.</summary>
        protected override bool ActsOnManyEngines => false;

        private readonly List<(ContainerEngine Engine, string Target)> _targets = new List<(ContainerEngine, string)>();

        /// <summary>The tar file to write.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return the saved images.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ForEachEngineAsync((engine, targets) =>
            {
                _targets.AddRange(targets.Select(target => (engine, target)));
                return Task.CompletedTask;
            });

        protected override Task EndProcessingAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (_targets.Count == 0)
            {
                return Task.CompletedTask;
            }

            ContainerEngine[] engines = _targets.Select(t => t.Engine).Distinct().ToArray();
            if (engines.Length > 1)
            {
                throw new InvalidParameterException("Engine", null,
                    $"The images come from {engines.Length} engines ({string.Join(", ", engines.Select(e => e.Name))}); one archive is saved from one engine.");
            }

            return new ExportContainerImageCommand(GetUnresolvedProviderPathFromPSPath(Path)) { Force = Force, PassThru = PassThru }
                .ExecuteAsync(engines[0], _targets.Select(t => t.Target).ToList(), output, cancellationToken);
        }
    }
}
