using Containers.Compose;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// The waits depends_on asks for before a service is created, as docker compose up waits: service_completed_successfully
    /// until the dependency's containers exited with 0, service_healthy until the engine reports them healthy
    /// (service_started asks for nothing more than the order). Only containers started in this run (kept ones
    /// included) are waited for. A dependency that fails (exits with another code, turns unhealthy, exits before it is
    /// healthy, or has no healthcheck to wait for) ends the wait with an error naming it, and so does the time limit;
    /// the dependency's containers stay as they are, as compose leaves them.
    /// </summary>
    public static class ProjectDependencies
    {
        /// <summary>How often a health is read: the engine reports it only on the next check, and compose polls too.</summary>
        private static readonly TimeSpan HealthPoll = TimeSpan.FromMilliseconds(500);

        /// <param name="timeout">Seconds to wait for each dependency; null: as long as it takes.</param>
        /// <returns>
        /// Null when every dependency is as the condition asks; otherwise the error naming the service and its dependency.
        /// An optional dependency (required: false) that fails is a warning, and the service goes on, as compose does.
        /// </returns>
        public static async Task<CommandError?> WaitAsync(ContainerEngine engine, ComposeService service, IReadOnlyDictionary<string, List<string>> started, int? timeout, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (KeyValuePair<string, ComposeDependency> dependency in service.DependsOn.Where(dependency => dependency.Value.Condition != "service_started"))
            {
                IReadOnlyList<string> ids = started.TryGetValue(dependency.Key, out List<string>? found) ? found : new List<string>();
                if (ids.Count == 0)
                {
                    continue;
                }

                CommandError? failed = await WaitAsync(engine, service.Name, dependency.Key, dependency.Value.Condition, ids, timeout, output, cancellationToken);
                if (failed != null && dependency.Value.Required)
                {
                    return failed;
                }

                if (failed != null)
                {
                    output.WriteWarning($"{failed.Message} It is optional (required: false): '{service.Name}' starts without it.");
                }
            }

            return null;
        }

        private static async Task<CommandError?> WaitAsync(ContainerEngine engine, string service, string dependency, string condition, IReadOnlyList<string> ids, int? timeout, ICommandOutput output, CancellationToken cancellationToken)
        {
            string state = condition == "service_healthy" ? "healthy" : "completed";
            output.WriteVerbose($"Waiting for the service '{dependency}' to be {state} before '{service}'.");
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (timeout.HasValue)
            {
                limit.CancelAfter(TimeSpan.FromSeconds(timeout.Value));
            }

            try
            {
                foreach (string id in ids)
                {
                    string? failure = condition == "service_healthy"
                        ? await HealthyAsync(engine, id, limit.Token)
                        : await CompletedAsync(engine, id, limit.Token);
                    if (failure != null)
                    {
                        return new CommandError("ProjectDependencyFailed", ErrorKind.InvalidOperation,
                            $"Service '{service}': the service '{dependency}' it depends on (condition {condition}) {failure}.", service, null,
                            "See the dependency's containers with Get-Container and Get-ContainerLog; what was started is left as it is.");
                    }
                }

                return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new CommandError("ProjectDependencyTimeout", ErrorKind.OperationTimeout,
                    $"Service '{service}': the service '{dependency}' it depends on (condition {condition}) was not {state} within {timeout} seconds.",
                    service, null, "Give Start-ContainerProject a longer -Timeout, or see why the dependency is slow with Get-ContainerLog; what was started stays.");
            }
        }

        // service_completed_successfully: the container ran to its end with 0.
        private static async Task<string?> CompletedAsync(ContainerEngine engine, string id, CancellationToken cancellationToken)
        {
            long exitCode = (await engine.Client.Containers.WaitAsync(id, cancellationToken: cancellationToken)).StatusCode;
            return exitCode == 0 ? null : $"exited with code {exitCode}";
        }

        // service_healthy: checked as compose checks it; "starting" waits, anything else than healthy is the end.
        private static async Task<string?> HealthyAsync(ContainerEngine engine, string id, CancellationToken cancellationToken)
        {
            while (true)
            {
                ContainerInspect container = await engine.Client.Containers.InspectAsync(id, cancellationToken: cancellationToken);
                ContainerState? state = container.State;
                string name = (container.Name ?? id).TrimStart('/');
                if (state?.Status == "exited" || state?.Status == "dead")
                {
                    return $"exited with code {state.ExitCode} (its container '{name}') before it was healthy";
                }

                switch (state?.Health?.Status)
                {
                    case null:
                    case "none":
                        return $"has no healthcheck to wait for (its container '{name}'); give it a healthcheck: in the file, or depend on it with condition service_started";
                    case "healthy":
                        return null;
                    case "unhealthy":
                        string? last = state.Health.Log?.LastOrDefault()?.Output?.Trim();
                        return $"is unhealthy (its container '{name}')" + (string.IsNullOrEmpty(last) ? string.Empty : $": its last check said '{last}'");
                }

                await Task.Delay(HealthPoll, cancellationToken);
            }
        }
    }
}
