using System.Text.Json;
using Containers.Engine.Endpoints;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Bench
{
    /// <summary>Lists 200 created containers: ours against a bare GET /containers/json?all=1 and against docker ps -a.</summary>
    internal static class ListingBenchmark
    {
        public const int ContainerCount = 200;

        public static async Task RunAsync(BenchEngine engine, List<ResultRow> rows, List<StageTime> stages)
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, ContainerCount),
                new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (_, _) => await engine.CreateAsync("true"));
            var parameters = new ContainerListParameters { All = true };
            List<ContainerSummary> listed = await engine.Client.Containers.ListAsync(parameters);
            if (listed.Count != ContainerCount)
            {
                throw new InvalidOperationException($"Expected {ContainerCount} containers, the engine lists {listed.Count}.");
            }

            string target = engine.VersionPrefix + "/containers/json?all=1";
            byte[] body = Array.Empty<byte>();
            double[] medians = await Timing.MediansAsync(
                10,
                60,
                () => engine.Client.Containers.ListAsync(parameters),
                async () => await engine.Bare.GetAsync(target),
                async () => await engine.BareAsync.GetAsync(target),
                async () =>
                {
                    // Our HTTP layer alone: the same request, the body read as bytes and not deserialised.
                    var request = new EngineRequest("GET", "/containers/json");
                    request.Query.AddFlag("all", true);
                    using EngineResponse response = await engine.Client.SendAsync(request);
                    body = await response.ReadAllBytesAsync(default);
                });
            double ours = medians[0], bare = medians[1], bareAsync = medians[2], http = medians[3];
            double json = await Timing.MedianAsync(10, 60, () => JsonSerializer.Deserialize<List<ContainerSummary>>(body, EngineJsonSettings.Options));
            double cliNoTrunc = await Timing.MedianAsync(2, 15, () => engine.Cli.Run("ps", "-a", "--no-trunc"));
            double cli = await Timing.MedianAsync(2, 15, () => engine.Cli.Run("ps", "-a"));

            rows.Add(new ResultRow($"list {ContainerCount} (CLI: ps -a --no-trunc)", ours, bare, cliNoTrunc, TargetKind.Bare, 1.5));
            rows.Add(new ResultRow($"list {ContainerCount} (CLI: ps -a)", ours, bare, cli, TargetKind.None, 0));

            string operation = $"list {ContainerCount} ({body.Length / 1024} KiB)";
            stages.Add(new StageTime(operation, "bare, blocking socket", bare));
            stages.Add(new StageTime(operation, "bare, .NET async socket", bareAsync));
            stages.Add(new StageTime(operation, "ours: HTTP layer, body as bytes", http));
            stages.Add(new StageTime(operation, "ours: JSON deserialisation alone", json));
            stages.Add(new StageTime(operation, "ours: ListAsync", ours));
            var cost = await Allocations.MedianAsync(9, () => engine.Client.Containers.ListAsync(parameters));
            stages.Add(new StageTime(operation, "ours: allocated per ListAsync", 0) { Text = Allocations.PerCall(cost) });
        }
    }
}
