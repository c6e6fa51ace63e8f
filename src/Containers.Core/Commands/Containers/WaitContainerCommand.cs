using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>What Wait-Container waits for.</summary>
    public enum WaitCondition
    {
        /// <summary>Returns at once for a container that is not running.</summary>
        NotRunning,

        /// <summary>Waits for the next exit even if the container is not running yet.</summary>
        NextExit,

        /// <summary>Waits until the container is removed.</summary>
        Removed,
    }

    /// <summary>Wait-Container: blocks until each container stops, and returns how it ended.</summary>
    public sealed class WaitContainerCommand : TargetCommand
    {
        public WaitContainerCommand()
            : base(ContainerTargets.Kind)
        {
        }

        public WaitCondition Condition { get; set; } = WaitCondition.NotRunning;

        /// <summary>Seconds to wait for each container; null waits as long as it takes.</summary>
        public int? Timeout { get; set; }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (Timeout.HasValue)
            {
                limit.CancelAfter(TimeSpan.FromSeconds(Timeout.Value));
            }

            try
            {
                ContainerInspect inspect = await engine.Client.Containers.InspectAsync(target, cancellationToken: limit.Token);
                ContainerWaitResponse result = await engine.Client.Containers.WaitAsync(inspect.Id, ConditionText(Condition), limit.Token);
                output.WriteObject(new ContainerWaitResult(inspect.Id, (inspect.Name ?? string.Empty).TrimStart('/'), result.StatusCode, result.Error?.Message));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                output.WriteError(new CommandError("WaitTimeout", ErrorKind.OperationTimeout,
                    $"Container '{target}' did not reach the state '{Condition}' within {Timeout} seconds.", target));
            }
        }

        internal static string ConditionText(WaitCondition condition) => condition switch
        {
            WaitCondition.NextExit => "next-exit",
            WaitCondition.Removed => "removed",
            _ => "not-running",
        };
    }
}
