using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>Get-ContainerServiceLog: docker service logs, as line objects with the task and node each came from.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerServiceLog", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerLogLine))]
    public sealed class GetContainerServiceLogCmdlet : ServiceTargetCmdlet
    {
        /// <summary>Keep streaming new output, of every service named at once, until stopped (Ctrl+C).</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>Only the last N lines of each task.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Tail { get; set; }

        /// <summary>Only output since this time: a DateTime, a date, or a duration back from now such as 10m.</summary>
        [Parameter]
        public object? Since { get; set; }

        /// <summary>Fill each line's Timestamp.</summary>
        [Parameter]
        public SwitchParameter Timestamps { get; set; }

        /// <summary>Only standard output, or only standard error.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public LogStream[]? Stream { get; set; }

        private readonly FollowedTargets _followed = new FollowedTargets();

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ForEachEngineAsync(_followed.ForRecord(Follow && MyInvocation.ExpectingInput, (engine, targets) => Command().ExecuteAsync(engine, targets, output, cancellationToken)));

        protected override Task EndProcessingAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            _followed.ReadGatheredAsync(groups => Command().ExecuteAsync(groups, output, cancellationToken));

        private GetContainerServiceLogCommand Command() => new GetContainerServiceLogCommand
        {
            Follow = Follow,
            Tail = Tail,
            Since = Since,
            Timestamps = Timestamps,
            IncludeStdout = LogStreamSelection.Includes(Stream, LogStream.Stdout),
            IncludeStderr = LogStreamSelection.Includes(Stream, LogStream.Stderr),
        };
    }
}
