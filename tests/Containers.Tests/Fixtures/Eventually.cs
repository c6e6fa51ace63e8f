using System.Diagnostics;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Waits for a state the engine reaches on its own time (a swarm node turning Ready, tasks moving off a drained node):
    /// reads it again every quarter second until it is what the test wants, within a bound generous enough for a loaded
    /// 2-core machine. A timeout names what was awaited and the last state read.
    /// </summary>
    public static class Eventually
    {
        public static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

        public static async Task<T> ReachAsync<T>(Func<Task<T>> read, Func<T, bool> wanted, string what, TimeSpan? bound = null)
        {
            TimeSpan limit = bound ?? Bound;
            var clock = Stopwatch.StartNew();
            while (true)
            {
                T state = await read().ConfigureAwait(false);
                if (wanted(state))
                {
                    return state;
                }

                if (clock.Elapsed > limit)
                {
                    throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}; the last state read: {Describe(state)}");
                }

                await Task.Delay(250).ConfigureAwait(false);
            }
        }

        public static Task<T> ReachAsync<T>(Func<T> read, Func<T, bool> wanted, string what, TimeSpan? bound = null) =>
            ReachAsync(() => Task.FromResult(read()), wanted, what, bound);

        private static string Describe<T>(T state) =>
            state is System.Collections.IEnumerable items && state is not string
                ? "[" + string.Join(", ", items.Cast<object?>()) + "]"
                : state?.ToString() ?? "(null)";
    }
}
