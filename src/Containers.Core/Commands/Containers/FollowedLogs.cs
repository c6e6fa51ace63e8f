using Containers.Engine.Errors;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Several followed logs read at once (Get-ContainerLog and Get-ContainerServiceLog -Follow): a followed stream ends
    /// only when its source stops, so read one after another the second would wait for the first for ever. Each source
    /// is read on a thread-pool task into one queue; only <see cref="FollowAsync{TSource}"/>, on the caller's (pipeline)
    /// thread, writes output, each line as it arrives. A failure of one source is its error and the others go on (a lost
    /// connection too, when the caller says so; otherwise it ends them all, as the engine is gone); it
    /// returns when every stream has ended, and stops them all when cancelled.
    /// </summary>
    internal static class FollowedLogs
    {
        /// <param name="read">Reads one source to its end, handing each line on (from any thread).</param>
        /// <param name="classify">The error for a source whose reading failed.</param>
        /// <param name="ended">The error for a source whose stream ended, when that is a failure (null: a normal end).</param>
        /// <param name="connectionLossIsPerSource">A lost connection is that source's error, not the end of the command.</param>
        public static async Task FollowAsync<TSource>(
            IReadOnlyList<TSource> sources,
            Func<TSource, Action<ContainerLogLine>, CancellationToken, Task> read,
            Func<Exception, TSource, CommandError> classify,
            Func<TSource, CommandError?> ended,
            bool connectionLossIsPerSource,
            ICommandOutput output,
            CancellationToken cancellationToken)
        {
            var queue = new ArrivalQueue<LogEvent>();
            using var stopReaders = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var readers = new List<Task>();
            foreach (TSource source in sources)
            {
                readers.Add(Task.Run(() => ReadIntoAsync(source, read, classify, ended, connectionLossIsPerSource, queue, stopReaders.Token)));
            }

            try
            {
                for (int running = sources.Count; running > 0;)
                {
                    LogEvent next = await queue.TakeAsync(cancellationToken);
                    if (next.Line != null)
                    {
                        output.WriteObject(next.Line);
                    }
                    else if (next.Error != null)
                    {
                        output.WriteError(next.Error);
                    }
                    else if (next.Failure != null)
                    {
                        throw next.Failure;
                    }
                    else
                    {
                        running--;
                    }
                }
            }
            finally
            {
                stopReaders.Cancel();
                await Task.WhenAll(readers); // each reader catches its own failures
            }
        }

        private static async Task ReadIntoAsync<TSource>(
            TSource source,
            Func<TSource, Action<ContainerLogLine>, CancellationToken, Task> read,
            Func<Exception, TSource, CommandError> classify,
            Func<TSource, CommandError?> ended,
            bool connectionLossIsPerSource,
            ArrivalQueue<LogEvent> queue,
            CancellationToken cancellationToken)
        {
            try
            {
                await read(source, line => queue.Add(new LogEvent { Line = line }), cancellationToken);
                CommandError? cut = ended(source);
                if (cut != null)
                {
                    queue.Add(new LogEvent { Error = cut });
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped with the others.
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e) || (connectionLossIsPerSource && e is EngineConnectionException))
            {
                queue.Add(new LogEvent { Error = classify(e, source) });
            }
            catch (Exception e)
            {
                queue.Add(new LogEvent { Failure = e });
            }
            finally
            {
                queue.Add(new LogEvent());
            }
        }

        /// <summary>One thing a reader hands the writer: a line, a per-source error, a failure, or (all null) its end.</summary>
        private sealed class LogEvent
        {
            public ContainerLogLine? Line { get; set; }

            public CommandError? Error { get; set; }

            public Exception? Failure { get; set; }
        }
    }
}
