using Containers.Engine.Models;
using Containers.Output;
using Containers.Progress;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Progress
{
    /// <summary>
    /// The bookkeeping behind pull and push progress, fed messages of the shapes dockerd 20.10 sends (the image tests
    /// drive it with real pulls and pushes).
    /// </summary>
    public class LayerProgressTests
    {
        private static JsonMessage Message(string status, string? id = null, long? current = null, long? total = null) =>
            new JsonMessage { Status = status, Id = id, ProgressDetail = current == null ? null : new JsonProgress { Current = current, Total = total } };

        [Fact]
        public void Each_layer_gets_a_child_bar_under_the_operation_and_everything_is_completed_at_the_end()
        {
            var output = new RecordingOutput();
            var progress = new LayerProgress(output, 10, "Pulling app:1");
            progress.Report(Message("Pulling from team/app", "1"));
            progress.Report(Message("Pulling fs layer", "aaaaaaaaaaaa"));
            progress.Report(Message("Pulling fs layer", "bbbbbbbbbbbb"));
            progress.Report(Message("Downloading", "aaaaaaaaaaaa", 50, 200));
            progress.Report(Message("Downloading", "aaaaaaaaaaaa", 51, 200)); // same whole percent: not redrawn
            progress.Report(Message("Downloading", "aaaaaaaaaaaa", 100, 200));
            progress.Report(Message("Pull complete", "aaaaaaaaaaaa"));
            progress.Report(Message("Downloading", "aaaaaaaaaaaa", 200, 200)); // after done: ignored
            progress.Report(Message("Digest: sha256:0123"));
            progress.Complete();
            progress.Complete(); // once only

            Assert.Equal(2, progress.LayerCount);
            Assert.Equal(1, progress.LayersDone);
            ProgressUpdate[] updates = output.Progress.ToArray();
            Assert.All(updates.Where(u => u.ActivityId != 10), u => Assert.Equal(10, u.ParentActivityId));
            Assert.Equal(new[] { 25, 50 }, updates.Where(u => u.ActivityId == 11 && u.Status == "Downloading").Select(u => u.PercentComplete));
            Assert.Equal(new[] { 11, 12 }, updates.Where(u => u.ActivityId != 10).Select(u => u.ActivityId).Distinct().OrderBy(i => i));
            ProgressUpdate[] ends = updates.Where(u => u.Completed).ToArray();
            Assert.Equal(new[] { 11, 12, 10 }, ends.Select(u => u.ActivityId));
            Assert.Equal(ends.Last(), updates.Last());
            Assert.Contains(updates, u => u.ActivityId == 10 && u.Status.StartsWith("1 of 2 layers done", System.StringComparison.Ordinal) && u.PercentComplete == 50);
            Assert.All(updates, u => Assert.False(string.IsNullOrEmpty(u.Status)));
        }

        [Fact]
        public void Push_statuses_end_layers_too()
        {
            var output = new RecordingOutput();
            var progress = new LayerProgress(output, 1, "Pushing app:1");
            progress.Report(Message("The push refers to repository [127.0.0.1:5000/app]"));
            progress.Report(Message("Preparing", "cccccccccccc"));
            progress.Report(Message("Preparing", "dddddddddddd"));
            progress.Report(Message("Layer already exists", "cccccccccccc"));
            progress.Report(Message("Pushing", "dddddddddddd", 10, 20));
            progress.Report(Message("Pushed", "dddddddddddd"));
            Assert.Equal(2, progress.LayersDone);
            Assert.Equal(2, output.Progress.Count(u => u.Completed));
        }
    }
}
