using System.Diagnostics;

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

        /// <summary>
        /// For operations that take seconds and change the engine (a pull, a build): after <paramref name="warmUp"/>
        /// unmeasured rounds, runs each operation once per round, in turns, the order reversed every other round so
        /// that neither always follows the other, and runs <paramref name="reset"/> after every operation, unmeasured
        /// (removing what it made, flushing the disk), so each starts from the same state. Each operation times itself
        /// and returns its figures (ms); the result holds, per operation, the figures of every measured round.
        /// </summary>
        public static async Task<List<double[]>[]> RoundsAsync(int warmUp, int rounds, Func<Task> reset, params Func<int, Task<double[]>>[] operations)
        {
            List<double[]>[] samples = operations.Select(_ => new List<double[]>(rounds)).ToArray();
            for (int round = 0; round < warmUp + rounds; round++)
            {
                for (int turn = 0; turn < operations.Length; turn++)
                {
                    int which = round % 2 == 0 ? turn : operations.Length - 1 - turn;
                    double[] figures = await operations[which](round - warmUp);
                    await reset();
                    if (round >= warmUp)
                    {
                        samples[which].Add(figures);
                    }
                }
            }

            return samples;
        }

        /// <summary>The median of one figure (by position) over the rounds <see cref="RoundsAsync"/> returned for one operation.</summary>
        public static double Median(List<double[]> rounds, int figure) => Median(rounds.Select(values => values[figure]).ToList());

        public static double Median(List<double> samples)
        {
            double[] sorted = samples.OrderBy(sample => sample).ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
