using Containers.Commands.Containers;
using Containers.Commands.Targets;
using Containers.Engine.Endpoints;
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
    /// (<c>details</c>) and that prefix is read off the line. Several services are read one after another, so -Follow
    /// reads the first service named until stopped.
    /// </summary>
    public sealed class GetContainerServiceLogCommand : TargetCommand
    {
        private const string TaskIdAttribute = "com.docker.swarm.task.id";

        private const string NodeIdAttribute = "com.docker.swarm.node.id";

        public GetContainerServiceLogCommand()
            : base(ServiceTargets.Kind)
        {
        }

        public bool Follow { get; set; }

        /// <summary>Only the last N lines of each task.</summary>
        public int? Tail { get; set; }

        /// <summary>A DateTime, a date text, or a duration back from now ("10m").</summary>
        public object? Since { get; set; }

        public bool Timestamps { get; set; }

        public bool IncludeStdout { get; set; } = true;

        public bool IncludeStderr { get; set; } = true;

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
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

            Service service = await engine.Client.Services.InspectAsync(target, cancellationToken);
            string serviceName = service.Spec.Name ?? service.ID;
            Dictionary<string, ContainerServiceTask> tasks = (await ServiceTaskListing.ListAsync(engine, service.ID, serviceName, null, cancellationToken))
                .ToDictionary(task => task.Id, StringComparer.Ordinal);
            using MultiplexedStreamReader frames = await engine.Client.Services.LogsAsync(service.ID, parameters, service.Spec.TaskTemplate.ContainerSpec.TTY, details: true, cancellationToken);
            await OutputLines.ReadAsync(frames, (stream, line) => output.WriteObject(ToLogLine(serviceName, stream, line, tasks)), cancellationToken);
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
    }
}
