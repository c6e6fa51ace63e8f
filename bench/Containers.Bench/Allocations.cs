using System.Diagnostics;
using System.Globalization;

namespace Containers.Bench
{
    /// <summary>
    /// What an operation costs the client whatever the machine's load: the bytes the whole process allocates while it
    /// runs (every thread: a log read may continue on the thread pool) and the CPU time the process spends, the median
    /// of a few runs of each. The benchmark is otherwise idle meanwhile, so the figures are the operation's; the CPU time
    /// also counts the runtime's own threads (the GC among them), which is part of what the operation costs.
    /// </summary>
    internal static class Allocations
    {
        public static async Task<(long Bytes, TimeSpan Cpu)> MedianAsync(int runs, Func<Task> operation)
        {
            var bytes = new long[runs];
            var cpu = new TimeSpan[runs];
            using Process self = Process.GetCurrentProcess();
            for (int i = 0; i < runs; i++)
            {
                self.Refresh();
                TimeSpan cpuBefore = self.TotalProcessorTime;
                long before = GC.GetTotalAllocatedBytes(precise: true);
                await operation();
                bytes[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
                self.Refresh();
                cpu[i] = self.TotalProcessorTime - cpuBefore;
            }

            return (bytes.OrderBy(value => value).ElementAt(runs / 2), cpu.OrderBy(value => value).ElementAt(runs / 2));
        }

        /// <summary>"123.4 B per frame (92.5 MiB for 786,432 frames), 2.61 s of CPU".</summary>
        public static string PerItem((long Bytes, TimeSpan Cpu) cost, long items, string item) =>
            string.Create(CultureInfo.InvariantCulture, $"{(double)cost.Bytes / items:0.0} B per {item} ({cost.Bytes / (1024.0 * 1024):0.0} MiB for {items:N0} {item}s), {cost.Cpu.TotalSeconds:0.00} s of CPU");

        /// <summary>"290.9 KiB, 4.1 ms of CPU".</summary>
        public static string PerCall((long Bytes, TimeSpan Cpu) cost) =>
            string.Create(CultureInfo.InvariantCulture, $"{cost.Bytes / 1024.0:0.0} KiB, {cost.Cpu.TotalMilliseconds:0.0} ms of CPU");
    }
}
