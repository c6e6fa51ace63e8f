using System.Diagnostics;
using System.Globalization;

namespace Containers.Bench
{
    /// <summary>
    /// Follows a container that writes 1 GB, through our reader to lines, sampling memory every 100 MB: the reader must
    /// hold no more than its buffers however much passes through it.
    /// </summary>
    internal static class FollowMemoryBenchmark
    {
        /// <summary>
        /// 1,000 characters: dockerd spends about 9 us of CPU on every log message it serves, so 1 GB of 70-character
        /// lines (15 million messages) would take minutes on a small machine; a million longer lines keep the run short
        /// and still pass every byte through the frame reader and the line splitter.
        /// </summary>
        private const int LineLength = 1000;

        /// <summary>
        /// Whole lines only, just under 1 GiB. dockerd 20.10 often drops a followed log's last line when it has no
        /// newline and the reader has caught up (moby/moby#43860; docker logs -f loses it too), which a reader as fast
        /// as the CLI does; that is the engine's doing, not the reader's, so the writer does not end mid-line.
        /// </summary>
        public const long Size = 1024L * 1024 * 1024 / (LineLength + 1) * (LineLength + 1);

        private static readonly string Line = new string('x', LineLength);
        private const long SampleEvery = 100L * 1024 * 1024;
        private const double TargetGrowthMegabytes = 50;

        public static async Task<bool> RunAsync(BenchEngine engine)
        {
            string id = await engine.CreateAsync(LogWriter.Command(Size, Line));

            // A settled baseline: everything before this (the other benchmarks) collected, the follow path already JIT-compiled.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            MemorySample baseline = MemorySample.Take(0);

            var samples = new List<MemorySample>();
            long next = SampleEvery;
            var reader = new OurLogReader(toLines: true)
            {
                Progress = bytes =>
                {
                    if (bytes >= next)
                    {
                        samples.Add(MemorySample.Take(bytes));
                        next += SampleEvery;
                    }
                },
            };

            var clock = Stopwatch.StartNew();
            await engine.Client.Containers.StartAsync(id);
            await reader.ReadAllAsync(engine.Client.Containers, id, follow: true);
            clock.Stop();

            if (reader.Bytes != Size || reader.Lines != LogWriter.ExpectedLines(Size, Line))
            {
                throw new InvalidOperationException($"Following read {reader.Bytes} bytes in {reader.Lines} lines; the container wrote {Size} in {LogWriter.ExpectedLines(Size, Line)}.");
            }

            Console.WriteLine($"Followed {reader.Bytes / (1024 * 1024)} MiB in {reader.Lines} lines in {clock.Elapsed.TotalSeconds:0.0} s ({reader.Bytes / (1024.0 * 1024) / clock.Elapsed.TotalSeconds:0} MiB/s).");
            var cells = new List<string[]> { Cells("before following", baseline, baseline) };
            cells.AddRange(samples.Select(sample => Cells($"{sample.BytesRead / (1024 * 1024)} MiB read", sample, baseline)));
            ResultTable.PrintCells(new[] { "point", "working set (MiB)", "growth (MiB)", "managed heap (MiB)", "growth (MiB)" }, cells);

            double growth = Megabytes(samples.Max(sample => sample.WorkingSet) - baseline.WorkingSet);
            double heapGrowth = Megabytes(samples.Max(sample => sample.ManagedHeap) - baseline.ManagedHeap);
            bool met = growth < TargetGrowthMegabytes;
            Console.WriteLine();
            Console.WriteLine($"Working set growth while 1 GiB passed (max sample - baseline): {growth:0.0} MiB; managed heap growth: {heapGrowth:0.0} MiB; target < {TargetGrowthMegabytes:0} MiB: {(met ? "met" : "MISSED")}.");
            return met;
        }

        private static string[] Cells(string point, MemorySample sample, MemorySample baseline) => new[]
        {
            point,
            Megabytes(sample.WorkingSet).ToString("0.0", CultureInfo.InvariantCulture),
            Megabytes(sample.WorkingSet - baseline.WorkingSet).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture),
            Megabytes(sample.ManagedHeap).ToString("0.0", CultureInfo.InvariantCulture),
            Megabytes(sample.ManagedHeap - baseline.ManagedHeap).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture),
        };

        private static double Megabytes(long bytes) => bytes / (1024.0 * 1024);
    }
}
