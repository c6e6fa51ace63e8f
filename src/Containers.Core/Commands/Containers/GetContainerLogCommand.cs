using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Endpoints;
using Containers.Engine.Http;
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

        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
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
                Until = Until == null ? null : TimeArgument.ToEngineTime(Until, "Until", DateTime.Now),
            };

            foreach (string named in targets)
            {
                foreach (string target in await ContainerTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                {
                    try
                    {
                        ContainerInspect inspect = await engine.Client.Containers.InspectAsync(target, cancellationToken: cancellationToken);
                        string name = (inspect.Name ?? target).TrimStart('/');
                        using EngineResponse response = await engine.Client.Containers.LogsAsync(inspect.Id, parameters, cancellationToken);
                        await OutputLines.ReadAsync(
                            response.Content,
                            inspect.Config?.Tty == true,
                            (stream, line) => output.WriteObject(ToLogLine(name, stream, line)),
                            cancellationToken);
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, target));
                    }
                }
            }
        }

        private ContainerLogLine ToLogLine(string container, StdStream stream, string line)
        {
            LogStream kind = stream == StdStream.Stderr ? LogStream.Stderr : LogStream.Stdout;
            if (!Timestamps)
            {
                return new ContainerLogLine(container, kind, null, line);
            }

            // With timestamps on, each line starts with an RFC 3339 time and one space.
            int space = line.IndexOf(' ');
            DateTime? time = space > 0 ? EngineTime.Parse(line.Substring(0, space)) : null;
            return time.HasValue
                ? new ContainerLogLine(container, kind, time, line.Substring(space + 1))
                : new ContainerLogLine(container, kind, null, line);
        }
    }
}
