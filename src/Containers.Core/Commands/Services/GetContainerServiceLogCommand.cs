using Containers.Commands.Containers;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Services
{
    /// <summary>
    /// Get-ContainerServiceLog: docker service logs, as the log-line objects Get-ContainerLog writes, each with the task
    /// (ContainerName SERVICE.SLOT, TaskId) and node (NodeName) it came from. The engine is asked for each line's context
    /// (<c>details</c>) and that prefix is read off the line. Several services are read one after another; with -Follow
    /// they are all read at once, their lines written as they come, until stopped: a followed service's stream never
    /// ends on its own (not even when the service is removed), so one that ends or is cut is a ServiceLogCut error
    /// naming that service, and the others go on.
    /// </summary>
    public sealed class GetContainerServiceLogCommand
    {
        private const string TaskIdAttribute = "com.docker.swarm.task.id";

        private const string NodeIdAttribute = "com.docker.swarm.node.id";

        public bool Follow { get; set; }

        /// <summary>Only the last N lines of each task.</summary>
        public int? Tail { get; set; }

        /// <summary>A DateTime, a date text, or a duration back from now ("10m").</summary>
        public object? Since { get; set; }

        public bool Timestamps { get; set; }

        public bool IncludeStdout { get; set; } = true;

        public bool IncludeStderr { get; set; } = true;

        public Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new[] { (engine, (IReadOnlyList<string>)targets.ToList()) }, output, cancellationToken);

        /// <param name="groups">The services to read, with the engine each is on (names, ids or wildcards).</param>
        public async Task ExecuteAsync(IReadOnlyList<(ContainerEngine Engine, IReadOnlyList<string> Targets)> groups, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (Tail < 0)
            {
                throw new InvalidParameterException("Tail", Tail, $"-Tail must be 0 or more, not {Tail}.");
            }

            var parameters = new ContainerLogsParameters
            {
                Follow = Follow,
                Tail = Tail,
                Timestamps = Timestamps,
                Stdout = IncludeStdout,
                Stderr = IncludeStderr,
                Since = Since == null ? null : TimeArgument.ToEngineTime(Since, "Since", DateTime.Now),
            };

            var found = new List<LogSource>();
            foreach ((ContainerEngine engine, IReadOnlyList<string> targets) in groups)
            {
                await ServiceTargets.Kind.ForEachAsync(engine, targets, output, async target =>
                {
                    Service service = await engine.Client.Services.InspectAsync(target, cancellationToken);
                    if (!found.Any(source => source.Engine == engine && source.Service.ID == service.ID))
                    {
                        found.Add(new LogSource(engine, service));
                    }
                }, cancellationToken);
            }

            if (Follow)
            {
                await FollowedLogs.FollowAsync(
                    found,
                    (source, onLine, token) => ReadAsync(source, parameters, onLine, token),
                    (e, source) => e is EngineConnectionException
                        ? Cut(source, $"was cut while it was followed: {e.Message}", e)
                        : ServiceTargets.Kind.Classify(e, source.Name),
                    source => Cut(source, "ended while it was followed: the engine closed the stream.", null),
                    // Each service has its own stream: one cut, the others may still flow (on other engines too).
                    connectionLossIsPerSource: true,
                    output,
                    cancellationToken);
                return;
            }

            foreach (LogSource source in found)
            {
                try
                {
                    await ReadAsync(source, parameters, line => output.WriteObject(line), cancellationToken);
                }
                catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                {
                    output.WriteError(ServiceTargets.Kind.Classify(e, source.Name));
                }
            }
        }

        private static CommandError Cut(LogSource source, string what, Exception? exception) =>
            new CommandError("ServiceLogCut", ErrorKind.ReadError, $"The log of service '{source.Name}' on {source.Engine.Name} {what}", source.Name, exception,
                "See whether the service and its engine are still there with Get-ContainerService, and follow it again.");

        private async Task ReadAsync(LogSource source, ContainerLogsParameters parameters, Action<ContainerLogLine> onLine, CancellationToken cancellationToken)
        {
            Dictionary<string, ContainerServiceTask> tasks = (await ServiceTaskListing.ListAsync(source.Engine, source.Service.ID, source.Name, null, cancellationToken))
                .ToDictionary(task => task.Id, StringComparer.Ordinal);
            using MultiplexedStreamReader frames = await source.Engine.Client.Services.LogsAsync(source.Service.ID, parameters, source.Service.Spec.TaskTemplate.ContainerSpec.TTY, details: true, cancellationToken);
            await OutputLines.ReadAsync(frames, (stream, line) => onLine(ToLogLine(source.Name, stream, line, tasks)), cancellationToken);
        }

        private ContainerLogLine ToLogLine(string serviceName, StdStream stream, string line, Dictionary<string, ContainerServiceTask> tasks)
        {
            DateTime? time = null;
            string rest = Timestamps ? TimestampedLine.Split(line, out time) : line;

            // The context comes before the text: key=value pairs (values query-escaped), by key, then one space.
            int space = rest.IndexOf(' ');
            string details = space < 0 ? string.Empty : rest.Substring(0, space);
            string text = space < 0 ? rest : rest.Substring(space + 1);
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string pair in details.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                if (equals > 0)
                {
                    attributes[pair.Substring(0, equals)] = Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
                }
            }

            attributes.TryGetValue(TaskIdAttribute, out string? taskId);
            attributes.TryGetValue(NodeIdAttribute, out string? nodeId);
            ContainerServiceTask? task = taskId != null && tasks.TryGetValue(taskId, out ContainerServiceTask? known) ? known : null;
            return new ContainerLogLine(task?.Name ?? serviceName, stream == StdStream.Stderr ? LogStream.Stderr : LogStream.Stdout, time, text)
            {
                TaskId = taskId,
                // A task made after the listing above: its node's id is what there is.
                NodeName = task?.NodeName ?? nodeId,
            };
        }

        private sealed class LogSource
        {
            public LogSource(ContainerEngine engine, Service service)
            {
                Engine = engine;
                Service = service;
            }

            public ContainerEngine Engine { get; }

            public Service Service { get; }

            public string Name => Service.Spec.Name ?? Service.ID;
        }
    }
}
