using Containers.Engine.Build;
using Containers.Output;
using Containers.Progress;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Progress
{
    /// <summary>The context upload's bar: drawn at once, redrawn at most every 250 ms, completed once with the total.</summary>
    public class UploadProgressTests
    {
        [Fact]
        public void The_bar_is_drawn_at_once_throttled_and_completed_once()
        {
            var output = new RecordingOutput();
            var progress = new UploadProgress(output, 2, 1, "Sending");
            progress.Report(100, 1);
            progress.Report(2_000, 2); // within the interval: not redrawn
            progress.Complete();
            progress.Complete();
            progress.Report(9_000, 9); // after the end: ignored

            Assert.Equal(new[] { (false, "100B sent (1 file or folder)"), (true, "2kB sent (2 files and folders)") }, output.Progress.Select(u => (u.Completed, u.Status)));
            Assert.All(output.Progress, u => Assert.Equal((2, 1), (u.ActivityId, u.ParentActivityId)));
            Assert.Equal(2_000, progress.Bytes);
        }

        [Fact]
        public async Task Reading_a_context_to_its_end_reports_its_position_and_completes_the_bar()
        {
            string folder = Directory.CreateTempSubdirectory("containers-upload-").FullName;
            try
            {
                File.WriteAllText(Path.Combine(folder, "Dockerfile"), "FROM scratch\n");
                File.WriteAllBytes(Path.Combine(folder, "data.bin"), new byte[100_000]);
                var output = new RecordingOutput();
                var progress = new UploadProgress(output, 2, 1, "Sending");
                long total;
                using (var stream = new ContextUploadStream(BuildContext.Open(folder).CreateStream(), progress))
                {
                    total = (await ReadAllAsync(stream)).Length;
                    Assert.Equal(total, stream.Position);
                }

                Assert.Equal(total, progress.Bytes);
                ProgressUpdate last = output.Progress.Last();
                Assert.True(last.Completed);
                Assert.Equal("103kB sent (2 files and folders)", last.Status);
                Assert.Single(output.Progress, u => u.Completed);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static async Task<byte[]> ReadAllAsync(Stream stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}
