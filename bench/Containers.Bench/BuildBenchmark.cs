using System.Diagnostics;
using System.Globalization;
using Containers.Engine.Archives;
using Containers.Engine.Build;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Tests.Fixtures;

namespace Containers.Bench
{
    /// <summary>
    /// Builds from a context of 20,000 files with a .dockerignore: ours (<see cref="BuildContext"/>'s tar stream made
    /// while it is sent, through <see cref="ImagesEndpoint.BuildAsync"/>, every message read) against
    /// <c>DOCKER_BUILDKIT=0 docker build</c> (the classic builder, as ours uses) and against a bare sender of the same tar
    /// made beforehand, in turns, without the build cache. Once, unmeasured, each builds with <c>COPY . /ctx</c> and the
    /// three images must hold the same files; the measured builds copy one file, so their time goes on sending the
    /// context (here, copying 10,600 files into a layer takes the engine 6 s or more by itself). Then sends the same files
    /// and 512 MiB more, sampling our memory as it goes, and times that context too.
    /// </summary>
    internal static class BuildBenchmark
    {
        private const int Rounds = 6;
        private const int LargeRounds = 4;
        private const int LargeFiles = 4;
        private const double TargetGrowthMegabytes = 50;
        private const long SampleEvery = 32L * 1024 * 1024;
        private const string OurTag = "bench/context:ours";
        private const string CliTag = "bench/context:cli";
        private const string BareTag = "bench/context:bare";

        /// <summary>Copies the whole context into the image: the check that every sender sent the same files.</summary>
        private const string CopyAllDockerfile = "Dockerfile";

        /// <summary>Copies one file: the measured builds, whose time then goes on the context.</summary>
        private const string CopyOneDockerfile = "Dockerfile.send";

        private static readonly Dictionary<string, string> ClassicBuilder = new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" };

        /// <summary>Adds the rows and stages; returns whether the memory target was met.</summary>
        public static async Task<bool> RunAsync(BenchEngine engine, List<ResultRow> rows, List<StageTime> stages, List<string> notes)
        {
            var clock = Stopwatch.StartNew();
            ContextFolder folder = ContextFolder.Create(Path.Combine(engine.WorkDirectory, "context"), $"FROM {TestImage.Reference}\nCOPY . /ctx\n");
            try
            {
                File.WriteAllText(Path.Combine(folder.Directory, CopyOneDockerfile), $"FROM {TestImage.Reference}\nCOPY {CopyOneDockerfile} /ctx/\n");
                BenchEngine.SyncDisks();
                Console.WriteLine($"  made {ContextFolder.Files} files ({Mebibytes(folder.AllBytes)} MiB; {ContextFolder.KeptFiles} kept by .dockerignore, {Mebibytes(folder.KeptBytes)} MiB) in {clock.Elapsed.TotalSeconds:0.0} s");
                await CompareAsync(engine, folder, $"build, {ContextFolder.Files} files", Rounds, check: true, TargetKind.Cli, rows, stages);

                clock.Restart();
                folder.AddLargeFiles(LargeFiles);
                BenchEngine.SyncDisks();
                Console.WriteLine($"  added {LargeFiles} x 128 MiB ({Mebibytes(folder.KeptBytes)} MiB kept) in {clock.Elapsed.TotalSeconds:0.0} s");
                bool met = await MeasureMemoryAsync(engine, folder, notes);
                await CompareAsync(engine, folder, $"build, {ContextFolder.Files} files + {LargeFiles * 128} MiB", LargeRounds, check: false, TargetKind.Cli, rows, stages);
                return met;
            }
            finally
            {
                folder.Delete();
            }
        }

        private static async Task CompareAsync(
            BenchEngine engine, ContextFolder folder, string operation, int rounds, bool check, TargetKind target, List<ResultRow> rows, List<StageTime> stages)
        {
            long sentBytes = 0;

            async Task<double[]> Ours(string dockerfile)
            {
                long started = Stopwatch.GetTimestamp();
                BuildContext context = BuildContext.Open(folder.Directory, Path.Combine(folder.Directory, dockerfile));
                using var body = new ObservedStream(context.CreateStream(), started);
                var parameters = new ImageBuildParameters { Dockerfile = context.DockerfileName, NoCache = true };
                parameters.Tags.Add(OurTag);
                JsonMessageReader messages = await engine.Client.Images.BuildAsync(body, parameters);
                double answered = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                (_, string? id) = await MessageStream.ReadToEndAsync(messages);
                double total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                sentBytes = body.BytesRead;
                return id == null
                    ? throw new InvalidOperationException("Our build reported no image id.")
                    : new[] { answered, total, body.EndMilliseconds ?? double.NaN };
            }

            async Task<double[]> Cli(string dockerfile)
            {
                CliTimes times = await engine.Cli.RunTimedAsync(
                    ClassicBuilder, "Step 1/", "build", "--no-cache", "-t", CliTag, "-f", Path.Combine(folder.Directory, dockerfile), folder.Directory);
                return new[] { times.MarkerMilliseconds, times.TotalMilliseconds };
            }

            // The floor: the same tar, made beforehand and in the page cache, sent by the kernel (sendfile) on a bare
            // blocking connection. What is left is the engine unpacking it; no client can send it faster.
            string tar = Path.Combine(engine.WorkDirectory, "context.tar");
            (double tarAlone, long tarAllocated) = await WriteTarAsync(folder.Directory, tar);
            BenchEngine.SyncDisks();

            async Task<double[]> Bare(string dockerfile)
            {
                string query = "/build?dockerfile=" + dockerfile + "&t=" + BareTag + "&nocache=1&rm=1&version=1";
                long started = Stopwatch.GetTimestamp();
                double answered = 0;
                await engine.Bare.PostFileAsync(engine.VersionPrefix + query, tar, "application/x-tar", () => answered = Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return new[] { answered, Stopwatch.GetElapsedTime(started).TotalMilliseconds };
            }

            string stage = operation;
            if (check)
            {
                // Also the warm-up: one build each, unmeasured, copying the whole context; the images must hold the same files.
                double[] ours = await Ours(CopyAllDockerfile), bare = await Bare(CopyAllDockerfile), cli = await Cli(CopyAllDockerfile);
                long layer = await CheckSameContentAsync(engine);
                await RemoveBuiltAsync(engine);
                stage = $"{operation} ({Mebibytes(sentBytes)} MiB tar)";
                stages.Add(new StageTime(stage, "COPY . /ctx, once each: ours, bare, CLI", double.NaN)
                {
                    Text = $"{ours[1]:0}, {bare[1]:0}, {cli[1]:0} ms ({Mebibytes(layer)} MiB layer, same in all three)",
                });
            }

            List<double[]>[] samples = await Timing.RoundsAsync(
                check ? 0 : 1, rounds, () => RemoveBuiltAsync(engine), _ => Ours(CopyOneDockerfile), _ => Bare(CopyOneDockerfile), _ => Cli(CopyOneDockerfile));
            File.Delete(tar);

            double answeredOurs = Timing.Median(samples[0], 0), totalOurs = Timing.Median(samples[0], 1), bodyWritten = Timing.Median(samples[0], 2);
            double answeredBare = Timing.Median(samples[1], 0), totalBare = Timing.Median(samples[1], 1);
            double answeredCli = Timing.Median(samples[2], 0), totalCli = Timing.Median(samples[2], 1);
            rows.Add(new ResultRow(operation + ": context sent", answeredOurs, answeredBare, answeredCli, target, 1.0));
            rows.Add(new ResultRow(operation + ": whole build", totalOurs, totalBare, totalCli, TargetKind.None, 0));

            stage = $"{operation} ({Mebibytes(sentBytes)} MiB tar)";
            stages.Add(new StageTime(stage, "ours: tar stream alone, read to its end", tarAlone));
            stages.Add(new StageTime(stage, "ours: allocated by the tar stream alone", double.NaN) { Text = $"{Mebibytes(tarAllocated)} MiB" });
            stages.Add(new StageTime(stage, "ours: body written (tar's end read)", bodyWritten));
            stages.Add(new StageTime(stage, "ours: engine answered (context in)", answeredOurs));
            stages.Add(new StageTime(stage, "bare: made tar, sendfile, engine answered", answeredBare));
            stages.Add(new StageTime(stage, "CLI: 'Step 1/' printed", answeredCli));
            stages.Add(new StageTime(stage, "context sent, ours, every round", double.NaN) { Text = Series(samples[0], 0) });
            stages.Add(new StageTime(stage, "context sent, bare, every round", double.NaN) { Text = Series(samples[1], 0) });
            stages.Add(new StageTime(stage, "context sent, CLI, every round", double.NaN) { Text = Series(samples[2], 0) });
        }

        /// <summary>
        /// Writes our context tar to <paramref name="file"/> for the bare sender, and times reading our tar stream to
        /// its end with nothing sent (the median of three): what making the tar costs by itself, and what it allocates.
        /// </summary>
        private static async Task<(double Milliseconds, long Allocated)> WriteTarAsync(string directory, string file)
        {
            using (TarWriterStream context = BuildContext.Open(directory).CreateStream())
            using (var output = new FileStream(file, FileMode.Create, FileAccess.Write))
            {
                await context.CopyToAsync(output, 64 * 1024);
            }

            var buffer = new byte[64 * 1024];
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            double median = await Timing.MedianAsync(0, 3, () =>
            {
                using TarWriterStream context = BuildContext.Open(directory).CreateStream();
                while (context.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            });
            return (median, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 3);
        }

        private static async Task RemoveBuiltAsync(BenchEngine engine)
        {
            List<ImageSummary> images = await engine.Client.Images.ListAsync(new ImageListParameters());
            foreach (string tag in new[] { OurTag, CliTag, BareTag })
            {
                if (images.Any(image => image.RepoTags?.Contains(tag) == true))
                {
                    await engine.Client.Images.RemoveAsync(tag, force: true);
                }
            }

            BenchEngine.SyncDisks();
        }

        /// <summary>
        /// Every build must have put the same files in the image: the copied layers (the newest) of the images are the
        /// same size. A .dockerignore read differently would show here.
        /// </summary>
        private static async Task<long> CheckSameContentAsync(BenchEngine engine)
        {
            long ours = (await engine.Client.Images.HistoryAsync(OurTag))[0].Size;
            long bare = (await engine.Client.Images.HistoryAsync(BareTag))[0].Size;
            long cli = (await engine.Client.Images.HistoryAsync(CliTag))[0].Size;
            if (ours != cli || bare != cli)
            {
                throw new InvalidOperationException($"The builds copied {ours} bytes (ours), {bare} (bare) and {cli} (CLI) into the image: the contexts differ.");
            }

            return ours;
        }

        /// <summary>Sends the large context once, sampling the working set and the GC heap every 32 MiB against a settled baseline.</summary>
        private static async Task<bool> MeasureMemoryAsync(BenchEngine engine, ContextFolder folder, List<string> notes)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            MemorySample baseline = MemorySample.Take(0);
            var samples = new List<MemorySample>();
            long next = SampleEvery;

            long started = Stopwatch.GetTimestamp();
            BuildContext context = BuildContext.Open(folder.Directory, Path.Combine(folder.Directory, CopyOneDockerfile));
            var body = new ObservedStream(context.CreateStream(), started)
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
            var parameters = new ImageBuildParameters { Dockerfile = context.DockerfileName, NoCache = true };
            parameters.Tags.Add(OurTag);
            using (body)
            {
                await MessageStream.ReadToEndAsync(await engine.Client.Images.BuildAsync(body, parameters));
            }

            samples.Add(MemorySample.Take(body.BytesRead));
            await engine.Client.Images.RemoveAsync(OurTag, force: true);

            double growth = Megabytes(samples.Max(sample => sample.WorkingSet) - baseline.WorkingSet);
            double heapGrowth = Megabytes(samples.Max(sample => sample.ManagedHeap) - baseline.ManagedHeap);
            bool met = growth < TargetGrowthMegabytes && heapGrowth < TargetGrowthMegabytes;
            string note = $"Sending a {Mebibytes(body.BytesRead)} MiB build context ({samples.Count} samples, every 32 MiB): working set +{growth:0.0} MiB at most over "
                + $"the baseline ({Megabytes(baseline.WorkingSet):0.0} MiB), GC heap +{heapGrowth:0.0} MiB at most ({Megabytes(baseline.ManagedHeap):0.0} MiB); "
                + $"target < {TargetGrowthMegabytes:0} MiB: {(met ? "met" : "MISSED")}.";
            Console.WriteLine("  " + note);
            notes.Add(note);
            return met;
        }

        private static string Series(List<double[]> rounds, int figure) =>
            string.Join(", ", rounds.Select(values => values[figure].ToString("0", CultureInfo.InvariantCulture))) + " ms";

        private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture);

        private static double Megabytes(long bytes) => bytes / (1024.0 * 1024);
    }
}
