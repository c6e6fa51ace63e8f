using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Containers
{
    /// <summary>Get-ContainerLog: a container's output as line objects; -Follow streams until stopped.</summary>
    public sealed class GetContainerLogCommand
    {
        public bool Follow { get; set; }

        /// <summary>Only the last N lines.</summary>
        public int? Tail { get; set; }

        /// <summary>A DateTime, a date text, or a duration back from now ("10m").</summary>
        public object? Since { get; set; }

        public object? Until { get; set; }

        public bool Timestamps { get; set; }

        /// <summary>Leave out standard output or standard error.</summary>
        public bool IncludeStdout { get; set; } = true;

        public bool IncludeStderr { get; set; } = true;

        public Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new[] { (engine, (IReadOnlyList<string>)targets.ToList()) }, output, cancellationToken);

        /// <param name="groups">The containers to read, with the engine each is on (names, ids or wildcards).</param>
        public async Task ExecuteAsync(IReadOnlyList<(ContainerEngine Engine, IReadOnlyList<string> Targets)> groups, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (Tail < 0)
            {
                throw new InvalidParameterException("Tail", Tail, $"-Tail must be 0 or more, not {Tail}.");
            }

            ContainerLogsParameters parameters = Parameters();
            var found = new List<LogSource>();
            foreach ((ContainerEngine engine, IReadOnlyList<string> targets) in groups)
            {
                await ContainerTargets.Kind.ForEachAsync(engine, targets, output, async target =>
                {
                    ContainerInspect inspect = await engine.Client.Containers.InspectAsync(target, cancellationToken: cancellationToken);
                    found.Add(new LogSource(engine, inspect.Id, (inspect.Name ?? target).TrimStart('/'), inspect.Config?.Tty == true));
                }, cancellationToken);
            }

            // Followed streams end only when their containers stop (a normal end): read at once, lines as they arrive.
            if (Follow && found.Count > 1)
            {
                await FollowedLogs.FollowAsync(
                    found,
                    (source, onLine, token) => ReadAsync(source, parameters, onLine, token),
                    (e, source) => ErrorClassifier.Classify(e, source.Name),
                    source => null,
                    connectionLossIsPerSource: false,
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
                    output.WriteError(ErrorClassifier.Classify(e, source.Name));
                }
            }
        }

        private ContainerLogsParameters Parameters() => new ContainerLogsParameters
        {
            Follow = Follow,
            Tail = Tail,
            Timestamps = Timestamps,
            Stdout = IncludeStdout,
            Stderr = IncludeStderr,
            Since = Since == null ? null : TimeArgument.ToEngineTime(Since, "Since", DateTime.Now),
            Until = Until == null ? null : TimeArgument.ToEngineTime(Until, "Until", DateTime.Now),
        };

        private async Task ReadAsync(LogSource source, ContainerLogsParameters parameters, Action<ContainerLogLine> onLine, CancellationToken cancellationToken)
        {
            using MultiplexedStreamReader frames = await source.Engine.Client.Containers.LogsAsync(source.Id, parameters, source.Tty, cancellationToken);
            await OutputLines.ReadAsync(frames, (stream, line) => onLine(ToLogLine(source.Name, stream, line)), cancellationToken);
        }

        private ContainerLogLine ToLogLine(string container, StdStream stream, string line)
        {
            LogStream kind = stream == StdStream.Stderr ? LogStream.Stderr : LogStream.Stdout;
            if (!Timestamps)
            {
                return new ContainerLogLine(container, kind, null, line);
            }

            string text = TimestampedLine.Split(line, out DateTime? time);
            return new ContainerLogLine(container, kind, time, text);
        }

        private sealed class LogSource
        {
            public LogSource(ContainerEngine engine, string id, string name, bool tty)
            {
                Engine = engine;
                Id = id;
                Name = name;
                Tty = tty;
            }

            public ContainerEngine Engine { get; }

            public string Id { get; }

            public string Name { get; }

            public bool Tty { get; }
        }
    }
}
