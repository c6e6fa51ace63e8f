using System.Collections.Concurrent;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Items from several producers in the order they arrived, for one consumer. Producers add from any thread; the
    /// consumer awaits the next item, so it can stay on the pipeline thread (the only one that may write output) while
    /// the producers read their streams elsewhere.
    /// </summary>
    internal sealed class ArrivalQueue<T>
    {
        private readonly ConcurrentQueue<T> _items = new ConcurrentQueue<T>();
        private readonly SemaphoreSlim _available = new SemaphoreSlim(0);

        public void Add(T item)
        {
            _items.Enqueue(item);
            _available.Release();
        }

        /// <summary>The next item; waits for one. Cancelling ends the wait at once.</summary>
        public async Task<T> TakeAsync(CancellationToken cancellationToken)
        {
            // No ConfigureAwait(false): the consumer resumes on its own context (the pipeline thread) to write what it took.
            await _available.WaitAsync(cancellationToken);
            _items.TryDequeue(out T? item); // one item per release, so there is always one here
            return item!;
        }
    }
}
