using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Containers.Bench
{
    /// <summary>
    /// Compares our engine client with a bare HTTP round trip and with the docker CLI, all against one private dockerd.
    /// Exit code 0 when every target is met, 1 when one is missed. See bench/README.md.
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main()
        {
            var total = Stopwatch.StartNew();
            Console.WriteLine("Starting a private dockerd and importing the test image...");
            using BenchEngine engine = await BenchEngine.StartAsync();
            Console.CancelKeyPress += (_, _) => engine.Dockerd.RequestStop();
            Console.WriteLine($"Engine: {engine.Dockerd.SocketPath} (API {engine.VersionPrefix.TrimStart('/')}), {Environment.ProcessorCount} CPUs, .NET {Environment.Version}.");

            var rows = new List<ResultRow>();
            var stages = new List<StageTime>();

            double processStart = await Timing.MedianAsync(2, 15, () => engine.Cli.Run("--version"));
            rows.Add(new ResultRow("CLI process alone (docker --version)", null, null, processStart, TargetKind.None, 0));

            Step("listing", total);
            await ListingBenchmark.RunAsync(engine, rows, stages);
            Step("inspecting", total);
            await InspectBenchmark.RunAsync(engine, rows, stages);
            Step("reading 50 MB of logs", total);
            await LogReadingBenchmark.RunAsync(engine, rows, stages);

            Console.WriteLine();
            Console.WriteLine("Medians in milliseconds. CLI figures are whole processes (start-up, version negotiation, output to /dev/null).");
            ResultTable.Print(rows);
            Console.WriteLine();
            Console.WriteLine("Where ours spends its time (medians, ms):");
            ResultTable.PrintCells(
                new[] { "operation", "stage", "ms" },
                stages.Select(stage => new[] { stage.Operation, stage.Stage, ResultTable.Milliseconds(stage.Milliseconds) }).ToList());

            Console.WriteLine();
            Step("following 1 GiB of logs", total);
            bool memoryMet = await FollowMemoryBenchmark.RunAsync(engine);

            bool allMet = memoryMet && rows.All(row => row.Met != false);
            Console.WriteLine();
            Console.WriteLine($"All targets {(allMet ? "met" : "NOT met")}. Total {total.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s; stopping dockerd.");
            return allMet ? 0 : 1;
        }

        private static void Step(string what, Stopwatch total) =>
            Console.WriteLine($"[{total.Elapsed.TotalSeconds,5:0}s] {what}...");
    }
}
