using System.Text.Json;
using Containers.Commands.Engines;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Tests.Fixtures;
using Containers.Text;
using Xunit;

namespace Containers.Tests.Core.Commands.Engines
{
    public class DiskUsageCommandTests : EngineTest, IDisposable
    {
        private readonly string _config = Path.Combine(Path.GetTempPath(), "cte-df-" + Guid.NewGuid().ToString("N"));
        private readonly List<string> _volumes = new List<string>();

        public DiskUsageCommandTests() => Directory.CreateDirectory(_config);

        public void Dispose()
        {
            foreach (string volume in _volumes)
            {
                try
                {
                    EngineObjects.RemoveVolumeAsync(Client, volume).GetAwaiter().GetResult();
                }
                catch (global::Containers.Engine.Errors.EngineException)
                {
                    // Still mounted by a container the base removes after this; the engine keeps an unused volume harmlessly.
                }
            }

            Directory.Delete(_config, recursive: true);
        }

        private async Task<IReadOnlyList<ContainerDiskUsage>> OursAsync()
        {
            var output = new RecordingOutput();
            await new GetDiskUsageCommand().ExecuteAsync(Engine, output, default);
            Assert.Empty(output.Errors);
            return output.ObjectsOf<ContainerDiskUsage>();
        }

        // The line as docker system df --format '{{json .}}' prints it.
        private static string AsDocker(ContainerDiskUsage line) =>
            $"{line.Type}|{line.TotalCount}|{line.Active}|{ByteSize.Format(line.Size, 4)}|{ByteSize.Format(line.Reclaimable, 4)}{(line.ReclaimablePercent.HasValue ? $" ({line.ReclaimablePercent}%)" : string.Empty)}";

        private static string FromCli(string json)
        {
            JsonElement line = JsonDocument.Parse(json).RootElement;
            return string.Join("|", new[] { "Type", "TotalCount", "Active", "Size", "Reclaimable" }.Select(name => line.GetProperty(name).GetString()));
        }

        [Fact]
        public async Task The_four_totals_match_docker_system_df()
        {
            string volume = PrivateEngine.UniqueName("df");
            await EngineObjects.CreateVolumeAsync(Client, volume);
            _volumes.Add(volume);
            await StartAsync(Sleeper);
            (string writer, _) = await StartWithVolumeAsync(volume, "dd if=/dev/zero of=/layer bs=1024 count=300 && dd if=/dev/zero of=/data/file bs=1024 count=200");
            await Client.Containers.WaitAsync(writer);

            // Other tests share the engine: compare only when our figures held still around the CLI's.
            string[] cli = Array.Empty<string>();
            string[] ours = Array.Empty<string>();
            for (int attempt = 0; attempt < 8; attempt++)
            {
                ours = (await OursAsync()).Select(AsDocker).ToArray();
                cli = DockerCli.Run(Private.Endpoint, _config, "system", "df", "--format", "{{json .}}")
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(FromCli).ToArray();
                string[] again = (await OursAsync()).Select(AsDocker).ToArray();
                if (ours.SequenceEqual(again) && ours.SequenceEqual(cli))
                {
                    break;
                }

                await Task.Delay(500);
            }

            Assert.Equal(cli, ours);
            Assert.Equal(new[] { "Images", "Containers", "Local Volumes", "Build Cache" }, (await OursAsync()).Select(line => line.Type));
        }

        private async Task<(string Id, string Name)> StartWithVolumeAsync(string volume, string script)
        {
            string name = PrivateEngine.UniqueName();
            ContainerCreateResponse created = await Client.Containers.CreateAsync(name, new ContainerCreateRequest
            {
                Image = Image,
                Cmd = new List<string> { "sh", "-c", script },
                HostConfig = new HostConfig { Binds = new List<string> { volume + ":/data" } },
            });
            Track(created.Id);
            await Client.Containers.StartAsync(created.Id);
            return (created.Id, name);
        }

        [Fact]
        public async Task Detailed_lists_each_object_with_its_size_and_what_uses_it()
        {
            string volume = PrivateEngine.UniqueName("df");
            await EngineObjects.CreateVolumeAsync(Client, volume);
            _volumes.Add(volume);
            (string writer, string writerName) = await StartWithVolumeAsync(volume, "dd if=/dev/zero of=/layer bs=1024 count=300 && dd if=/dev/zero of=/data/file bs=1024 count=200");
            await Client.Containers.WaitAsync(writer);
            (string running, _) = await StartAsync(Sleeper);

            var output = new RecordingOutput();
            await new GetDiskUsageCommand { Detailed = true }.ExecuteAsync(Engine, output, default);
            IReadOnlyList<ContainerDiskUsageItem> items = output.ObjectsOf<ContainerDiskUsageItem>();

            // By id: other tests add tags to the test image, and the item is named after its first tag.
            string imageId = (await Client.Images.InspectAsync(Image)).Id;
            ContainerDiskUsageItem image = items.Single(item => item.Type == "Image" && item.Id == imageId);
            Assert.Contains(":", image.Name);
            Assert.True(image.Size > 0);
            Assert.True(image.Containers >= 2, $"{image.Containers} containers");
            Assert.True(image.Active);
            Assert.Equal(image.Size - image.SharedSize, image.UniqueSize);

            ContainerDiskUsageItem stopped = items.Single(item => item.Type == "Container" && item.Id == writer);
            Assert.Equal(writerName, stopped.Name);
            Assert.False(stopped.Active);
            Assert.InRange(stopped.Size!.Value, 300 * 1024, 400 * 1024);
            Assert.StartsWith("Exited (0)", stopped.Status);
            Assert.True(items.Single(item => item.Type == "Container" && item.Id == running).Active);

            ContainerDiskUsageItem used = items.Single(item => item.Type == "Volume" && item.Name == volume);
            Assert.Equal(1, used.Containers);
            Assert.True(used.Active);
            Assert.InRange(used.Size!.Value, 200 * 1024, 250 * 1024);
            Assert.All(items, item => Assert.Same(Engine.Client, item.Engine.Client));
        }

        [Fact]
        public void Totals_follow_the_docker_CLI_rules()
        {
            var usage = new DiskUsageResponse
            {
                LayersSize = 1000,
                Images = new List<ImageSummary>
                {
                    new ImageSummary { Id = "a", Size = 600, SharedSize = 100, Containers = 2 },
                    new ImageSummary { Id = "b", Size = 500, SharedSize = 100, Containers = 0 },
                    new ImageSummary { Id = "c", Size = 300, SharedSize = -1, Containers = 1 },
                },
                Containers = new List<ContainerSummary>
                {
                    new ContainerSummary { Id = "r", State = "running", SizeRw = 30 },
                    new ContainerSummary { Id = "p", State = "paused", SizeRw = 7 },
                    new ContainerSummary { Id = "e", State = "exited", SizeRw = 13 },
                },
                Volumes = new List<Volume>
                {
                    new Volume { Name = "used", UsageData = new VolumeUsageData { Size = 40, RefCount = 1 } },
                    new Volume { Name = "free", UsageData = new VolumeUsageData { Size = 60, RefCount = 0 } },
                    new Volume { Name = "remote", UsageData = new VolumeUsageData { Size = -1, RefCount = 0 } },
                },
                BuildCache = new List<BuildCacheRecord>
                {
                    new BuildCacheRecord { ID = "x", InUse = true, Shared = false, Size = 5 },
                    new BuildCacheRecord { ID = "y", InUse = true, Shared = true, Size = 11 },
                    new BuildCacheRecord { ID = "z", Size = 17 },
                },
                BuilderSize = 33,
            };

            ContainerDiskUsage[] lines = DiskUsageSummary.From(usage).ToArray();
            // Images: in-use images hold only what they do not share (500); -1 leaves an image out of that sum.
            Assert.Equal((3, 2, 1000L, 500L, (int?)50), (lines[0].TotalCount, lines[0].Active, lines[0].Size, lines[0].Reclaimable, lines[0].ReclaimablePercent));
            Assert.Equal((3, 2, 50L, 13L, (int?)26), (lines[1].TotalCount, lines[1].Active, lines[1].Size, lines[1].Reclaimable, lines[1].ReclaimablePercent));
            Assert.Equal((3, 1, 100L, 60L, (int?)60), (lines[2].TotalCount, lines[2].Active, lines[2].Size, lines[2].Reclaimable, lines[2].ReclaimablePercent));
            Assert.Equal((3, 2, 33L, 28L, (int?)null), (lines[3].TotalCount, lines[3].Active, lines[3].Size, lines[3].Reclaimable, lines[3].ReclaimablePercent));

            usage.BuilderSize = null; // API 1.42 on: the records add up to the total
            Assert.Equal(33L, DiskUsageSummary.From(usage)[3].Size);
        }

        [Theory]
        [InlineData(0L, "0B")]
        [InlineData(999L, "999B")]
        [InlineData(1000L, "1kB")]
        [InlineData(4_259_840L, "4.26MB")]
        [InlineData(1_234_567_890L, "1.235GB")]
        [InlineData(999_960L, "1000kB")]
        [InlineData(12_345L, "12.35kB")]
        public void Sizes_print_as_docker_system_df_prints_them(long bytes, string expected) =>
            Assert.Equal(expected, ByteSize.Format(bytes, 4));
    }
}
