using System.Diagnostics;
using System.Globalization;

namespace Containers.Bench
{
    /// <summary>
    /// Compares our engine client with a bare HTTP round trip and with the docker CLI, all against one private dockerd.
    /// Exit code 0 when every target is met, 1 when one is missed, 2 for unknown arguments. See bench/README.md.
    /// </summary>
    internal static class Program
    {
        /// <summary>Every benchmark, in the order they run.</summary>
        private static readonly string[] All = { "list", "inspect", "logs", "follow", "pull", "build" };

        /// <summary>Names that stand for several benchmarks.</summary>
        private static readonly Dictionary<string, string[]> Groups = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["all"] = All,
            ["containers"] = new[] { "list", "inspect", "logs", "follow" },
            ["images"] = new[] { "pull", "build" },
        };

        private static async Task<int> Main(string[] args)
        {
            HashSet<string>? selected = Select(args);
            if (selected == null)
            {
                Console.Error.WriteLine($"Usage: Containers.Bench [{string.Join("|", All.Concat(Groups.Keys))}]... (default: all)");
                return 2;
            }

            var total = Stopwatch.StartNew();
            Console.WriteLine($"Benchmarks: {string.Join(", ", All.Where(selected.Contains))}.");
            Console.WriteLine("Starting a private dockerd and importing the test image...");
            using BenchEngine engine = await BenchEngine.StartAsync();
            Console.CancelKeyPress += (_, _) => engine.Dockerd.RequestStop();
            Console.WriteLine($"Engine: {engine.Dockerd.SocketPath} (API {engine.VersionPrefix.TrimStart('/')}), {Environment.ProcessorCount} CPUs, .NET {Environment.Version}.");

            var rows = new List<ResultRow>();
            var stages = new List<StageTime>();
            var notes = new List<string>();
            bool memoryMet = true;

            double processStart = await Timing.MedianAsync(2, 15, () => engine.Cli.Run("--version"));
            rows.Add(new ResultRow("CLI process alone (docker --version)", null, null, processStart, TargetKind.None, 0));

            if (selected.Contains("list"))
            {
                Step("listing", total);
                await ListingBenchmark.RunAsync(engine, rows, stages);
            }

            if (selected.Contains("inspect"))
            {
                Step("inspecting", total);
                await InspectBenchmark.RunAsync(engine, rows, stages);
            }

            if (selected.Contains("logs"))
            {
                Step("reading 50 MB of logs", total);
                await LogReadingBenchmark.RunAsync(engine, rows, stages);
            }

            if (selected.Contains("pull"))
            {
                Step($"pulling {PullBenchmark.Layers} x {PullBenchmark.LayerMebibytes} MiB from a private registry", total);
                await PullBenchmark.RunAsync(engine, rows, stages);
            }

            if (selected.Contains("build"))
            {
                Step($"building from {ContextFolder.Files} files", total);
                memoryMet &= await BuildBenchmark.RunAsync(engine, rows, stages, notes);
            }

            Console.WriteLine();
            Console.WriteLine("Medians in milliseconds. CLI figures are whole processes (start-up, version negotiation, output to /dev/null).");
            ResultTable.Print(rows);
            Console.WriteLine();
            Console.WriteLine("Where ours spends its time (medians, ms):");
            ResultTable.PrintCells(
                new[] { "operation", "stage", "ms (or as shown)" },
                stages.Select(stage => new[] { stage.Operation, stage.Stage, stage.Text ?? ResultTable.Milliseconds(stage.Milliseconds) }).ToList());
            foreach (string note in notes)
            {
                Console.WriteLine();
                Console.WriteLine(note);
            }

            if (selected.Contains("follow"))
            {
                Console.WriteLine();
                Step("following 1 GiB of logs", total);
                memoryMet &= await FollowMemoryBenchmark.RunAsync(engine);
            }

            bool allMet = memoryMet && rows.All(row => row.Met != false);
            Console.WriteLine();
            Console.WriteLine($"All targets {(allMet ? "met" : "NOT met")}. Total {total.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s; stopping dockerd.");
            return allMet ? 0 : 1;
        }

        /// <summary>The benchmarks the arguments name (all when none), or null when one is unknown.</summary>
        private static HashSet<string>? Select(string[] args)
        {
            var selected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string arg in args.Length == 0 ? new[] { "all" } : args)
            {
                if (Groups.TryGetValue(arg, out string[]? group))
                {
                    selected.UnionWith(group);
                }
                else if (All.Contains(arg, StringComparer.OrdinalIgnoreCase))
                {
                    selected.Add(arg.ToLowerInvariant());
                }
                else
                {
                    return null;
                }
            }

            return selected;
        }

        private static void Step(string what, Stopwatch total) =>
            Console.WriteLine($"[{total.Elapsed.TotalSeconds,5:0}s] {what}...");
    }
}
