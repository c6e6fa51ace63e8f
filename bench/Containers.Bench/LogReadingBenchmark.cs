using Containers.Commands.Containers;
using Containers.EngineSelection;
using Containers.Models;

namespace Containers.Bench
{
    /// <summary>
    /// Reads all 50 MB of an exited container's logs: ours as bytes, as lines and as Get-ContainerLog's objects (its
    /// command in Containers.Core, output thrown away), against a bare read of the same endpoint and against docker logs
    /// with its output going to /dev/null; then what each of ours allocates per frame (the engine writes one frame per line).
    /// </summary>
    internal static class LogReadingBenchmark
    {
        public const long Size = 50L * 1024 * 1024;

        public static async Task RunAsync(BenchEngine engine, List<ResultRow> rows, List<StageTime> stages)
        {
            string id = await engine.RunToExitAsync(LogWriter.Command(Size, LogWriter.ShortLine));
            string target = engine.VersionPrefix + "/containers/" + id + "/logs?stdout=1&stderr=1&tail=all";
            long expectedLines = LogWriter.ExpectedLines(Size, LogWriter.ShortLine);

            // Also the warm-up: the first read compiles our path.
            var check = new OurLogReader(toLines: true);
            await check.ReadAllAsync(engine.Client.Containers, id, follow: false);
            if (check.Bytes != Size || check.Lines != expectedLines)
            {
                throw new InvalidOperationException($"Read {check.Bytes} bytes in {check.Lines} lines; expected {Size} in {expectedLines}.");
            }

            ContainerEngine core = EngineDirectory.Get(engine.Dockerd.Endpoint, null, null, "bench", "bench");
            Func<Task> objects = () => new GetContainerLogCommand().ExecuteAsync(core, new[] { id }, new SilentOutput(), default);
            await objects();

            long wireBytes = 0;
            double[] medians = await Timing.MediansAsync(
                0,
                3,
                () => new OurLogReader(toLines: false).ReadAllAsync(engine.Client.Containers, id, follow: false),
                () => new OurLogReader(toLines: true).ReadAllAsync(engine.Client.Containers, id, follow: false),
                async () => wireBytes = await engine.Bare.GetAsync(target),
                async () => await engine.BareAsync.GetAsync(target),
                objects,
                () =>
                {
                    engine.Cli.Run("logs", id);
                    return Task.CompletedTask;
                });
            double oursBytes = medians[0], oursLines = medians[1], bare = medians[2], bareAsync = medians[3], command = medians[4], cli = medians[5];

            rows.Add(new ResultRow("logs 50 MB, bytes", oursBytes, bare, cli, TargetKind.Cli, 1.0));
            rows.Add(new ResultRow($"logs 50 MB, {expectedLines} lines", oursLines, bare, cli, TargetKind.Cli, 1.0));
            rows.Add(new ResultRow($"logs 50 MB, {expectedLines} log objects", command, bare, cli, TargetKind.None, 0));

            string operation = $"logs 50 MB ({wireBytes / (1024.0 * 1024):0.0} MiB framed)";
            stages.Add(new StageTime(operation, "bare, blocking socket", bare));
            stages.Add(new StageTime(operation, "bare, .NET async socket", bareAsync));
            stages.Add(new StageTime(operation, "ours: HTTP + frame reader, bytes", oursBytes));
            stages.Add(new StageTime(operation, "ours: + LineSplitter to strings", oursLines));
            stages.Add(new StageTime(operation, "ours: Get-ContainerLog's command, objects", command));
            stages.Add(new StageTime(operation, "docker logs > /dev/null", cli));

            // Frames are lines here, so allocations per frame are per line: the lines and objects themselves included.
            var bytesAllocated = await Allocations.MedianAsync(3, () => new OurLogReader(toLines: false).ReadAllAsync(engine.Client.Containers, id, follow: false));
            var linesAllocated = await Allocations.MedianAsync(3, () => new OurLogReader(toLines: true).ReadAllAsync(engine.Client.Containers, id, follow: false));
            var objectsAllocated = await Allocations.MedianAsync(3, objects);
            stages.Add(new StageTime(operation, "ours: allocated and CPU, bytes", 0) { Text = Allocations.PerItem(bytesAllocated, expectedLines, "frame") });
            stages.Add(new StageTime(operation, "ours: allocated and CPU, lines", 0) { Text = Allocations.PerItem(linesAllocated, expectedLines, "frame") });
            stages.Add(new StageTime(operation, "ours: allocated and CPU, objects", 0) { Text = Allocations.PerItem(objectsAllocated, expectedLines, "frame") });
        }
    }
}
