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
    /// and so does a rolling update the swarm paused or rolled back; the service stays as it is in either case.
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
            try
            {
                while (true)
                {
                    Service service = await engine.Client.Services.InspectAsync(serviceId, cancellationToken);
                    IReadOnlyList<ContainerServiceTask> tasks = await ServiceTaskListing.ListAsync(engine, service.ID, serviceName, null, cancellationToken);
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
                    // with the service's image count.
                    string? image = service.Spec.TaskTemplate.ContainerSpec.Image;
                    List<ContainerServiceTask> current = tasks.Where(task => task.DesiredState == "running" && task.Image == image).ToList();
                    ulong desired = service.Spec.Mode?.Global != null ? (ulong)current.Count : service.Spec.Mode?.Replicated?.Replicas ?? 1;
                    int running = current.Count(task => task.State == "running");
                    int stillRunning = tasks.Count(task => task.State == "running" && !current.Contains(task));
                    bool updating = update == "updating" || update == "rollback_started";
                    output.WriteProgress(new ProgressUpdate(ActivityId, activity, $"{running} of {desired} tasks running" + (updating ? " (updating)" : string.Empty))
                    {
                        PercentComplete = desired == 0 ? 100 : (int)Math.Min(100, running * 100 / (long)desired),
                        // Why a task waits (no node meets the constraints, not enough memory...): the swarm keeps trying.
                        CurrentOperation = current.Where(task => task.State != "running" && task.Error != null).Select(task => $"{task.Name}: {task.State}: {task.Error}").FirstOrDefault(),
                    });

                    if (!updating && (ulong)running == desired && current.Count == running && stillRunning == 0
                        && (desired > 0 || service.Spec.Mode?.Global == null)
                        && (running == 0 || DateTime.Now - current.Max(task => task.StateChangedAt) >= Stable))
                    {
                        return null;
                    }

                    await Task.Delay(Interval, cancellationToken);
                }
            }
            finally
            {
                output.WriteProgress(new ProgressUpdate(ActivityId, activity, "Done") { Completed = true });
            }
        }
    }
}
