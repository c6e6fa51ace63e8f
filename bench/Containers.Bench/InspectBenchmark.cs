using System.Text.Json;
using Containers.Engine.Endpoints;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Bench
{
    /// <summary>Inspects one container: ours against a bare GET /containers/{id}/json and against docker inspect.</summary>
    internal static class InspectBenchmark
    {
        public static async Task RunAsync(BenchEngine engine, List<ResultRow> rows, List<StageTime> stages)
        {
            List<ContainerSummary> listed = await engine.Client.Containers.ListAsync(new ContainerListParameters { All = true, Limit = 1 });
            string id = listed[0].Id;
            string target = engine.VersionPrefix + "/containers/" + id + "/json";

            byte[] body = Array.Empty<byte>();
            double[] medians = await Timing.MediansAsync(
                30,
                400,
                () => engine.Client.Containers.InspectAsync(id),
                async () => await engine.Bare.GetAsync(target),
                async () => await engine.BareAsync.GetAsync(target),
                async () =>
                {
                    using EngineResponse response = await engine.Client.SendAsync(new EngineRequest("GET", "/containers/" + id + "/json"));
                    body = await response.ReadAllBytesAsync(default);
                });
            double ours = medians[0], bare = medians[1], bareAsync = medians[2], http = medians[3];
            double json = await Timing.MedianAsync(30, 400, () => JsonSerializer.Deserialize<ContainerInspect>(body, EngineJsonSettings.Options));
            double cli = await Timing.MedianAsync(2, 15, () => engine.Cli.Run("inspect", id));
            rows.Add(new ResultRow("inspect 1", ours, bare, cli, TargetKind.Bare, 2.0));

            string operation = $"inspect 1 ({body.Length / 1024.0:0.0} KiB)";
            stages.Add(new StageTime(operation, "bare, blocking socket", bare));
            stages.Add(new StageTime(operation, "bare, .NET async socket", bareAsync));
            stages.Add(new StageTime(operation, "ours: HTTP layer, body as bytes", http));
            stages.Add(new StageTime(operation, "ours: JSON deserialisation alone", json));
            stages.Add(new StageTime(operation, "ours: InspectAsync", ours));
            var cost = await Allocations.MedianAsync(21, () => engine.Client.Containers.InspectAsync(id));
            stages.Add(new StageTime(operation, "ours: allocated per InspectAsync", 0) { Text = Allocations.PerCall(cost) });
        }
    }
}
