using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace Containers.Bench
{
    /// <summary>
    /// Runs operations a few times unmeasured (JIT, connection set-up, engine caches), then measures them in turns, one
    /// run of each per round, so drift in the engine or the machine (another build, dockerd's own housekeeping) falls on
    /// all of them alike. Reports the median of each.
    /// </summary>
    internal static class Timing
    {
        public static async Task<double[]> MediansAsync(int warmUp, int iterations, params Func<Task>[] operations)
        {
            for (int i = 0; i < warmUp; i++)
            {
                foreach (Func<Task> operation in operations)
                {
                    await operation();
                }
            }

            List<double>[] samples = operations.Select(_ => new List<double>(iterations)).ToArray();
            for (int i = 0; i < iterations; i++)
            {
                for (int which = 0; which < operations.Length; which++)
                {
                    long started = Stopwatch.GetTimestamp();
                    await operations[which]();
                    samples[which].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            return samples.Select(Median).ToArray();
        }

        public static async Task<double> MedianAsync(int warmUp, int iterations, Func<Task> operation) =>
            (await MediansAsync(warmUp, iterations, operation))[0];

        public static Task<double> MedianAsync(int warmUp, int iterations, Action operation) =>
            MedianAsync(warmUp, iterations, () =>
            {
                operation();
                return Task.CompletedTask;
            });

        private static double Median(List<double> samples)
        {
            double[] sorted = samples.OrderBy(sample => sample).ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
