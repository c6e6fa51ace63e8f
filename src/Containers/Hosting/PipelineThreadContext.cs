using System.Collections.Concurrent;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// A synchronization context that runs every continuation on the thread that called <see cref="Run"/>: the pipeline
    /// thread, the only one allowed to call WriteObject, WriteError, ShouldProcess and the rest.
    /// </summary>
    internal sealed class PipelineThreadContext : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue =
            new BlockingCollection<(SendOrPostCallback, object?)>();

        private readonly int _threadId = Environment.CurrentManagedThreadId;

        public bool IsPipelineThread => Environment.CurrentManagedThreadId == _threadId;

        /// <summary>Runs <paramref name="body"/> to completion, pumping its continuations here; rethrows its exception.</summary>
        public static void Run(Func<PipelineThreadContext, Task> body)
        {
            SynchronizationContext? previous = Current;
            var context = new PipelineThreadContext();
            SetSynchronizationContext(context);
            try
            {
                Task task;
                try
                {
                    task = body(context);
                }
                catch (Exception e)
                {
                    task = Task.FromException(e);
                }

                task.ContinueWith(_ => context._queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                foreach ((SendOrPostCallback callback, object? state) in context._queue.GetConsumingEnumerable())
                {
                    callback(state);
                }

                task.GetAwaiter().GetResult();
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }

        public override void Post(SendOrPostCallback d, object? state) => TryPost(d, state);

        // False once the command has finished: a straggling continuation has nothing left to write to.
        private bool TryPost(SendOrPostCallback d, object? state)
        {
            try
            {
                _queue.Add((d, state));
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        public override void Send(SendOrPostCallback d, object? state) => Invoke(() =>
        {
            d(state);
            return true;
        });

        /// <summary>Runs <paramref name="action"/> on the pipeline thread and returns its result, from whichever thread calls.</summary>
        public T Invoke<T>(Func<T> action)
        {
            if (IsPipelineThread)
            {
                return action();
            }

            T result = default!;
            Exception? failure = null;
            using var done = new ManualResetEventSlim(false);
            bool queued = TryPost(_ =>
            {
                try
                {
                    result = action();
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    done.Set();
                }
            }, null);
            if (!queued)
            {
                // Waiting would never end: nothing pumps the queue any more.
                throw new InvalidOperationException("The command has already finished; its output can no longer be written.");
            }

            done.Wait();
            if (failure != null)
            {
                throw failure;
            }

            return result;
        }

        public override SynchronizationContext CreateCopy() => this;
    }
}
