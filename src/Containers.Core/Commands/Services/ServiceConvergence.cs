using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Services
{
    /// <summary>
    /// Waits, as docker service create and update do, until a service's tasks run as asked: as many running as desired,
    /// each for a few seconds already, none of the replaced ones left running, and no rolling update under way; with a
    /// progress bar saying how many run.
    /// A task made during the wait that fails or is rejected ends the wait as an error naming the task and its error,
    /// and so does a rolling update the swarm paused or rolled back, and a wait longer than its timeout; the service
    /// stays as it is in each case. A task counts as current when it runs the service's task template as it is now
    /// (<see cref="TaskSpecComparison"/>), so any change of it (image, environment, mounts...) is waited for.
    /// </summary>
    internal sealed class ServiceConvergence
    {
        /// <summary>How often the tasks are read; the engine has no event for "converged".</summary>
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(400);

        /// <summary>
        /// How long the tasks must have run before the wait trusts them: docker service create's own check (its --monitor,
        /// 5 s), without which a task that starts and exits at once would count as running.
        /// </summary>
        private static readonly TimeSpan Stable = TimeSpan.FromSeconds(5);

        private const int ActivityId = 1;

        private readonly HashSet<string> _before;

        private readonly string? _updateStartedBefore;

        private ServiceConvergence(HashSet<string> before, string? updateStartedBefore)
        {
            _before = before;
            _updateStartedBefore = updateStartedBefore;
        }

        /// <summary>A rollback asked for: its completion is the goal, not a failure.</summary>
        public bool RollingBack { get; set; }

        /// <summary>
        /// The published ports or the placement changed. The swarm may replace the tasks for that too, but a task does
        /// not show the ports it was made with, and is kept on a node that still meets new constraints: the wait gives
        /// the swarm its <see cref="Stable"/> time to begin that update.
        /// </summary>
        public bool UnseenChange { get; set; }

        /// <summary>How long to wait before giving up with a ServiceConvergenceTimeout error; null to wait until stopped.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>
        /// Notes the tasks the service has now, so that only tasks made after this are blamed for failing, and when its
        /// last rolling update began, so that only a later one counts.
        /// </summary>
        public static async Task<ServiceConvergence> BeginAsync(ContainerEngine engine, Service? service, CancellationToken cancellationToken)
        {
            var before = new HashSet<string>(StringComparer.Ordinal);
            string? serviceId = service?.ID;
            if (serviceId != null)
            {
                foreach (SwarmTask task in await engine.Client.Tasks.ListAsync(new Engine.Endpoints.Filters().Add("service", serviceId), cancellationToken))
                {
                    before.Add(task.ID);
                }
            }

            return new ServiceConvergence(before, service?.UpdateStatus?.StartedAt);
        }

        /// <returns>Null when the tasks run as asked; otherwise the error to report (the service is left as it is).</returns>
        public async Task<CommandError?> WaitAsync(ContainerEngine engine, string serviceId, string serviceName, ICommandOutput output, CancellationToken cancellationToken)
        {
            string activity = $"Service {serviceName}";
            DateTime began = DateTime.Now;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (Timeout != null)
            {
                limit.CancelAfter(Timeout.Value);
            }

            int running = 0;
            ulong desired = 0;
            string? waitingFor = null;
            try
            {
                while (true)
                {
                    Service service = await engine.Client.Services.InspectAsync(serviceId, limit.Token);
                    IReadOnlyList<(ContainerServiceTask Task, TaskSpec? Spec)> listed = await ServiceTaskListing.ListWithSpecsAsync(engine, service.ID, serviceName, null, limit.Token);
                    List<ContainerServiceTask> tasks = listed.Select(t => t.Task).ToList();
                    ContainerServiceTask? failed = tasks.FirstOrDefault(task => !_before.Contains(task.Id) && (task.State == "failed" || task.State == "rejected"));
                    if (failed != null)
                    {
                        return new CommandError("ServiceTaskFailed", ErrorKind.InvalidResult,
                            $"The task {failed.Name} ({failed.Id}) of service '{serviceName}' did not start: {failed.State}" + (failed.Error == null ? "." : $": {failed.Error}.")
                            + $" The service '{serviceName}' stays, and the swarm goes on trying to start its tasks.",
                            serviceName, null,
                            "See the tasks with Get-ContainerServiceTask; fix the service with Set-ContainerService, or remove it with Remove-ContainerService.");
                    }

                    // An update's state is ours only once the swarm has begun it (it does so after the call returns).
                    string? update = service.UpdateStatus?.StartedAt != _updateStartedBefore ? service.UpdateStatus?.State : null;
                    if (update == "paused" || update == "rollback_paused" || (update == "rollback_completed" && !RollingBack))
                    {
                        return new CommandError("ServiceUpdateFailed", ErrorKind.InvalidResult,
                            $"The update of service '{serviceName}' stopped ({update}): {service.UpdateStatus?.Message}. The service stays as the swarm left it.",
                            serviceName, null, "See the tasks with Get-ContainerServiceTask; Set-ContainerService -Rollback returns to the previous settings.");
                    }

                    // Until the swarm starts replacing them, the old tasks are still the ones wanted running: only tasks
                    // made from the service's task template as it is now count.
                    List<ContainerServiceTask> current = listed
                        .Where(t => t.Task.DesiredState == "running" && TaskSpecComparison.RunsCurrentSpec(t.Spec, service.Spec.TaskTemplate))
                        .Select(t => t.Task).ToList();
                    desired = service.Spec.Mode?.Global != null ? (ulong)current.Count : service.Spec.Mode?.Replicated?.Replicas ?? 1;
                    running = current.Count(task => task.State == "running");
                    int stillRunning = tasks.Count(task => task.State == "running" && !current.Contains(task));
                    bool updating = update == "updating" || update == "rollback_started"
                        || (UnseenChange && update == null && DateTime.Now - began < Stable);
                    // Why a task waits (no node meets the constraints, not enough memory...): the swarm keeps trying.
                    waitingFor = current.Where(task => task.State != "running" && task.Error != null).Select(task => $"{task.Name}: {task.State}: {task.Error}").FirstOrDefault();
                    output.WriteProgress(new ProgressUpdate(ActivityId, activity, $"{running} of {desired} tasks running" + (updating ? " (updating)" : string.Empty))
                    {
                        PercentComplete = desired == 0 ? 100 : (int)Math.Min(100, running * 100 / (long)desired),
                        CurrentOperation = waitingFor,
                    });

                    if (!updating && (ulong)running == desired && current.Count == running && stillRunning == 0
                        && (desired > 0 || service.Spec.Mode?.Global == null)
                        && (running == 0 || DateTime.Now - current.Max(task => task.StateChangedAt) >= Stable))
                    {
                        return null;
                    }

                    await Task.Delay(Interval, limit.Token);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
            {
                return new CommandError("ServiceConvergenceTimeout", ErrorKind.OperationTimeout,
                    $"The tasks of service '{serviceName}' did not all run within {Seconds(Timeout!.Value)}: {running} of {desired} running"
                    + (waitingFor == null ? "." : $" ({waitingFor}).")
                    + $" The service '{serviceName}' stays, and the swarm goes on trying to run its tasks.",
                    serviceName, null,
                    "See the tasks with Get-ContainerServiceTask; wait longer with a larger -Timeout, fix the service with Set-ContainerService, or remove it with Remove-ContainerService.");
            }
            finally
            {
                output.WriteProgress(new ProgressUpdate(ActivityId, activity, "Done") { Completed = true });
            }
        }

        private static string Seconds(TimeSpan time) =>
            time.TotalSeconds == 1 ? "1 second" : $"{time.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} seconds";
    }
}
