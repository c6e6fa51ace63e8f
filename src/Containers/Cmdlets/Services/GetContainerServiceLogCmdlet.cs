using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Models;
using Containers.Output;

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

        // With -Follow, piped services are gathered and followed together at the end: a followed stream does not end,
        // so reading them record by record would never reach the second.
        private readonly List<(ContainerEngine Engine, IReadOnlyList<string> Targets)> _followed = new List<(ContainerEngine, IReadOnlyList<string>)>();

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (Follow && MyInvocation.ExpectingInput)
            {
                return ForEachEngineAsync((engine, targets) =>
                {
                    _followed.Add((engine, targets));
                    return Task.CompletedTask;
                });
            }

            return ForEachEngineAsync((engine, targets) => Command().ExecuteAsync(engine, targets, output, cancellationToken));
        }

        protected override Task EndProcessingAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            _followed.Count == 0 ? Task.CompletedTask : Command().ExecuteAsync(_followed, output, cancellationToken);

        private GetContainerServiceLogCommand Command() => new GetContainerServiceLogCommand
        {
            Follow = Follow,
            Tail = Tail,
            Since = Since,
            Timestamps = Timestamps,
            IncludeStdout = Stream == null || System.Array.IndexOf(Stream, LogStream.Stdout) >= 0,
            IncludeStderr = Stream == null || System.Array.IndexOf(Stream, LogStream.Stderr) >= 0,
        };
    }
}
