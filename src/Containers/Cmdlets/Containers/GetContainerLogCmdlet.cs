using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>Get-ContainerLog: docker logs as line objects with Stream, Timestamp and Text.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerLog", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerLogLine))]
    public sealed class GetContainerLogCmdlet : ContainerTargetCmdlet
    {
        /// <summary>Keep streaming new output until stopped (Ctrl+C) or the container stops.</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>Only the last N lines.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Tail { get; set; }

        /// <summary>Only output since this time: a DateTime, a date, or a duration back from now such as 10m.</summary>
        [Parameter]
        public object? Since { get; set; }

        /// <summary>Only output before this time: a DateTime, a date, or a duration back from now.</summary>
        [Parameter]
        public object? Until { get; set; }

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

        private GetContainerLogCommand Command() => new GetContainerLogCommand
        {
            Follow = Follow,
            Tail = Tail,
            Since = Since,
            Until = Until,
            Timestamps = Timestamps,
            IncludeStdout = LogStreamSelection.Includes(Stream, LogStream.Stdout),
            IncludeStderr = LogStreamSelection.Includes(Stream, LogStream.Stderr),
        };
    }
}
