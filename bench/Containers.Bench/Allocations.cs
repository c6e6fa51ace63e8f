using System;
using System.Globalization;
using System.Threading.Tasks;

namespace Containers.Bench
{
    /// <summary>
    /// Bytes the whole process allocates while an operation runs (every thread: a log read may continue on the thread
    /// pool), the median of a few runs. The benchmark is otherwise idle meanwhile, so the figure is the operation's.
    /// </summary>
    internal static class Allocations
    {
        public static async Task<long> MedianAsync(int runs, Func<Task> operation)
        {
            var samples = new long[runs];
            for (int i = 0; i < runs; i++)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                await operation();
                samples[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
            }

            Array.Sort(samples);
            return samples[runs / 2];
        }

        /// <summary>"123.4 B per frame (92.5 MiB for 786,432 frames)".</summary>
        public static string PerItem(long bytes, long items, string item) =>
            string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / items:0.0} B per {item} ({bytes / (1024.0 * 1024):0.0} MiB for {items:N0} {item}s)");
    }
}
