using System.Diagnostics;
using System.Text;
using Containers.Engine.Archives;
using Containers.Engine.Build;
using Containers.Engine.Credentials;
using Containers.Engine.Endpoints;
using Containers.Engine.Http;
using Containers.Engine.References;
using Containers.Progress;
using Containers.Tests.Fixtures;

namespace Containers.Bench
{
    /// <summary>
    /// Pulls an image of five layers of 45 MiB of random bytes from a private registry on loopback (with htpasswd
    /// logins, as the engine tests' registry has): ours (<see cref="ImagesEndpoint.PullAsync"/>, every message read
    /// and fed to <see cref="LayerProgress"/> as Invoke-ImagePull does) against <c>docker pull</c> and a bare request,
    /// in turns. After each pull the image is removed, and with it its layers (no other image shares them: the engine
    /// must hold exactly the images it held before), so every pull downloads, verifies and extracts all five again.
    /// </summary>
    internal static class PullBenchmark
    {
        public const int Layers = 5;
        public const int LayerMebibytes = 45;
        private const int WarmUp = 1;
        private const int Rounds = 8;
        private const double TargetRatio = 1.05;

        public static async Task RunAsync(BenchEngine engine, List<ResultRow> rows, List<StageTime> stages)
        {
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            ImageReference reference = ImageReference.Parse(registry.Host + "/bench/pull:latest");
            string name = reference.ToFamiliarString();
            string auth = RegistryAuthHeader.Encode(new RegistryCredential(registry.UserName, registry.Password), registry.Host);
            WriteCliLogin(engine.Cli, registry);

            var clock = Stopwatch.StartNew();
            string id = await BuildAsync(engine, name);
            Console.WriteLine($"  built {name} ({Layers} x {LayerMebibytes} MiB of random bytes) in {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
            await MessageStream.ReadToEndAsync(await engine.Client.Images.PushAsync(reference, auth));
            Console.WriteLine($"  pushed it to {registry.Host} in {clock.Elapsed.TotalSeconds:0.0} s");
            long imageBytes = (await engine.Client.Images.InspectAsync(name)).Size;
            await engine.Client.Images.RemoveAsync(name, force: true);
            HashSet<string> before = await ImageIdsAsync(engine);
            if (before.Contains(id))
            {
                throw new InvalidOperationException($"Removing {name} left its image {id} behind.");
            }

            string bareTarget = engine.VersionPrefix + "/images/create?fromImage=" + Uri.EscapeDataString(reference.FamiliarRepository) + "&tag=" + reference.Tag;
            List<double[]>[] samples = await Timing.RoundsAsync(
                WarmUp,
                Rounds,
                () => RemoveAsync(engine, name, before),
                async round =>
                {
                    long started = Stopwatch.GetTimestamp();
                    var output = new SilentOutput();
                    var progress = new LayerProgress(output, 1, "Pulling " + name);
                    int downloaded = 0;
                    (int messages, _) = await MessageStream.ReadToEndAsync(
                        await engine.Client.Images.PullAsync(reference, auth),
                        message =>
                        {
                            progress.Report(message);
                            downloaded += message.Status == "Pull complete" ? 1 : 0;
                        });
                    progress.Complete();
                    double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (downloaded != Layers || progress.LayersDone != Layers + 1)
                    {
                        throw new InvalidOperationException($"Our pull downloaded {downloaded} layers and saw {progress.LayersDone} finish; the image has {Layers} above the base.");
                    }

                    if (round < 0)
                    {
                        Console.WriteLine($"  ours: {messages} messages, {output.ProgressRecords} progress records, {elapsed / 1000:0.0} s");
                    }

                    return new[] { elapsed };
                },
                async round =>
                {
                    // The floor: the same request on a bare blocking connection, the messages de-chunked and thrown away.
                    long started = Stopwatch.GetTimestamp();
                    await engine.Bare.PostAsync(bareTarget, RegistryAuthHeader.Name, auth);
                    return new[] { Stopwatch.GetElapsedTime(started).TotalMilliseconds };
                },
                async round =>
                {
                    if (round < 0)
                    {
                        // Once, unmeasured: the CLI's own account shows it downloaded every layer but the base.
                        CliTimes check = await engine.Cli.RunTimedAsync(null, "Status:", "pull", name);
                        int downloaded = check.Output.Count(line => line.EndsWith(": Pull complete", StringComparison.Ordinal));
                        if (downloaded != Layers)
                        {
                            throw new InvalidOperationException($"docker pull downloaded {downloaded} layers, not {Layers}:\n{string.Join('\n', check.Output)}");
                        }

                        Console.WriteLine($"  CLI: {downloaded} layers downloaded, {check.TotalMilliseconds / 1000:0.0} s");
                        return new[] { check.TotalMilliseconds };
                    }

                    long started = Stopwatch.GetTimestamp();
                    engine.Cli.Run("pull", name);
                    return new[] { Stopwatch.GetElapsedTime(started).TotalMilliseconds };
                });

            double ours = Timing.Median(samples[0], 0), bare = Timing.Median(samples[1], 0), cli = Timing.Median(samples[2], 0);
            string operation = $"pull {imageBytes / (1024.0 * 1024):0} MiB, {Layers} layers";
            rows.Add(new ResultRow(operation, ours, bare, cli, TargetKind.Cli, TargetRatio));
            stages.Add(new StageTime(operation, "ours, every round (in turns)", double.NaN) { Text = Series(samples[0]) });
            stages.Add(new StageTime(operation, "bare, every round", double.NaN) { Text = Series(samples[1]) });
            stages.Add(new StageTime(operation, "docker pull, every round", double.NaN) { Text = Series(samples[2]) });
            stages.Add(new StageTime(operation, "ours/CLI, round by round", double.NaN)
            {
                Text = string.Join(", ", samples[0].Zip(samples[2], (o, c) => (o[0] / c[0]).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))
                    + $" (median {Timing.Median(samples[0].Zip(samples[2], (o, c) => o[0] / c[0]).ToList()):0.00})",
            });
            stages.Add(new StageTime(operation, "rate (medians)", double.NaN) { Text = $"ours {Rate(imageBytes, ours)}, CLI {Rate(imageBytes, cli)}" });
        }

        /// <summary>Removes the pulled image and, with it, its layers; then flushes the disk so the next pull starts clean.</summary>
        private static async Task RemoveAsync(BenchEngine engine, string name, HashSet<string> before)
        {
            await engine.Client.Images.RemoveAsync(name, force: true);
            HashSet<string> left = await ImageIdsAsync(engine);
            if (!left.SetEquals(before))
            {
                throw new InvalidOperationException($"After removing {name} the engine holds images {string.Join(", ", left.Except(before))} it did not hold before the pull.");
            }

            BenchEngine.SyncDisks();
        }

        /// <summary>Every image the engine holds, intermediate ones included.</summary>
        private static async Task<HashSet<string>> ImageIdsAsync(BenchEngine engine) =>
            (await engine.Client.Images.ListAsync(new ImageListParameters { All = true })).Select(image => image.Id).ToHashSet();

        /// <summary>
        /// Builds the image FROM the test image with one RUN per layer writing random bytes (incompressible, so the
        /// registry's gzipped blobs are as large as the layers). Returns its id.
        /// </summary>
        private static async Task<string> BuildAsync(BenchEngine engine, string name)
        {
            string directory = Path.Combine(engine.WorkDirectory, "pull-image");
            Directory.CreateDirectory(directory);
            var dockerfile = new StringBuilder("FROM " + TestImage.Reference + "\n");
            for (int layer = 1; layer <= Layers; layer++)
            {
                dockerfile.Append($"RUN dd if=/dev/urandom of=/layer{layer} bs=1048576 count={LayerMebibytes} 2>/dev/null\n");
            }

            File.WriteAllText(Path.Combine(directory, "Dockerfile"), dockerfile.ToString());
            var parameters = new ImageBuildParameters();
            parameters.Tags.Add(name);
            using TarWriterStream context = BuildContext.Open(directory).CreateStream();
            (_, string? id) = await MessageStream.ReadToEndAsync(await engine.Client.Images.BuildAsync(context, parameters));
            return id ?? throw new InvalidOperationException("The build of the pull image reported no image id.");
        }

        /// <summary>The CLI's login to the registry, as <c>docker login</c> would store it without a credential store.</summary>
        private static void WriteCliLogin(DockerCli cli, PrivateRegistry registry)
        {
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(registry.UserName + ":" + registry.Password));
            File.WriteAllText(Path.Combine(cli.ConfigDirectory, "config.json"), "{\"auths\":{\"" + registry.Host + "\":{\"auth\":\"" + basic + "\"}}}");
        }

        private static string Rate(long bytes, double milliseconds) =>
            (bytes / (1024.0 * 1024) / (milliseconds / 1000)).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " MiB/s";

        private static string Series(List<double[]> rounds) =>
            string.Join(", ", rounds.Select(values => (values[0] / 1000).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))) + " s";
    }
}
