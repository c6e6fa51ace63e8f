using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    public sealed class ExportImportImageTests : ImageCommandTest
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "containers-export-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public ExportImportImageTests()
        {
            Directory.CreateDirectory(_folder);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Directory.Delete(_folder, recursive: true);
        }

        private string[] FilesInFolder() => Directory.GetFiles(_folder).Select(Path.GetFileName).ToArray()!;

        [Fact]
        public async Task Two_images_saved_into_one_tar_come_back_by_load_with_the_same_ids()
        {
            string copy = await TagTestImageAsync(NewRepository("savecopy") + ":v1");
            string ownName = NewRepository("saveown") + ":v1";
            string ownId = await CommitNewImageAsync(ownName);
            string testImageId = (await Client.Images.InspectAsync(Image)).Id;
            string tar = Path.Combine(_folder, "images.tar");

            var saved = new RecordingOutput();
            await new ExportContainerImageCommand(tar) { PassThru = true }.ExecuteAsync(Engine, new[] { copy, ownName }, saved, default);
            Assert.Empty(saved.Errors);
            Assert.Equal(new[] { "images.tar" }, FilesInFolder());
            Assert.True(new FileInfo(tar).Length > 1024);
            Assert.Equal(new[] { copy, ownName }, saved.ObjectsOf<ContainerImage>().Select(i => i.Name));
            Assert.Contains(saved.Progress, p => p.Completed && p.Activity == "Saving images to images.tar");
            Assert.Equal((tar, $"Save {copy}, {ownName}"), Assert.Single(saved.Asked));

            // Removed in between: the copy's name only (it is the test image), the image of its own entirely, layer and all.
            await Client.Images.RemoveAsync(copy);
            await Client.Images.RemoveAsync(ownName);
            Assert.False(await ExistsAsync(ownId));

            var loaded = new RecordingOutput();
            await new ImportContainerImageCommand().ExecuteAsync(Engine, new[] { tar }, loaded, default);
            Assert.Empty(loaded.Errors);
            ContainerImage[] images = loaded.ObjectsOf<ContainerImage>().OrderBy(i => i.Name == copy ? 0 : 1).ToArray();
            Assert.Equal(new[] { (copy, testImageId), (ownName, ownId) }, images.Select(i => (i.Name, i.Id)));
            Assert.All(images, image => Assert.Same(Engine, image.Engine));

            // The layer that had gone was loaded with a progress bar; every bar put up was taken down at the end.
            Assert.Contains(loaded.Progress, p => p.ParentActivityId >= 0 && p.Activity.StartsWith("Layer ", StringComparison.Ordinal));
            foreach (var bar in loaded.Progress.GroupBy(p => p.ActivityId))
            {
                Assert.True(bar.Last().Completed, $"progress activity {bar.Key} ({bar.Last().Activity}) was left on screen");
            }
        }

        [Fact]
        public async Task An_existing_file_is_kept_unless_Force_and_Force_replaces_it_whole()
        {
            string copy = await TagTestImageAsync(NewRepository("overwrite") + ":v1");
            string tar = Path.Combine(_folder, "existing.tar");
            File.WriteAllText(tar, "keep me");

            var refused = new RecordingOutput();
            await new ExportContainerImageCommand(tar).ExecuteAsync(Engine, new[] { copy }, refused, default);
            CommandError error = Assert.Single(refused.Errors);
            Assert.Equal(("FileExists", ErrorKind.ResourceExists), (error.ErrorId, error.Kind));
            Assert.Equal(tar, error.Target);
            Assert.Contains("-Force", error.RecommendedAction);
            Assert.Equal("keep me", File.ReadAllText(tar));
            Assert.Empty(refused.Asked);

            var forced = new RecordingOutput();
            await new ExportContainerImageCommand(tar) { Force = true }.ExecuteAsync(Engine, new[] { copy }, forced, default);
            Assert.Empty(forced.Errors);
            Assert.True(new FileInfo(tar).Length > 1024);
            Assert.Equal(new[] { "existing.tar" }, FilesInFolder());
        }

        [Fact]
        public async Task A_missing_image_leaves_no_file_and_names_the_image()
        {
            string copy = await TagTestImageAsync(NewRepository("partial") + ":v1");
            string missing = NewRepository("notsaved") + ":v1";
            string tar = Path.Combine(_folder, "partial.tar");

            var output = new RecordingOutput();
            await new ExportContainerImageCommand(tar).ExecuteAsync(Engine, new[] { copy, missing }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(("ImageNotFound", missing), (error.ErrorId, (string)error.Target!));
            Assert.Contains(output.Warnings, w => w.Contains("Nothing was saved", StringComparison.Ordinal));
            Assert.Empty(FilesInFolder());
        }

        [Fact]
        public async Task The_engine_refusing_a_save_leaves_no_file()
        {
            // The engine's own failure, without the look-up the command does first: the staged file must go.
            string tar = Path.Combine(_folder, "refused.tar");
            string missing = NewRepository("refused") + ":v1";
            await Assert.ThrowsAsync<global::Containers.Engine.Errors.EngineNotFoundException>(() => global::Containers.Files.StagedFile.WriteAsync(tar, false, async (file, token) =>
            {
                using var saved = await Client.Images.SaveAsync(new[] { Image, missing }, token);
                await saved.CopyToAsync(file, 81920, token);
            }, default));
            Assert.Empty(FilesInFolder());
        }

        [Fact]
        public async Task A_save_stopped_part_way_leaves_no_partial_file()
        {
            string copy = await TagTestImageAsync(NewRepository("cancel") + ":v1");
            string tar = Path.Combine(_folder, "cancelled.tar");
            using var stop = new CancellationTokenSource();
            // Stops the save as soon as the first bytes are on disk, as Ctrl+C part-way would.
            var output = new StopOnProgressOutput(stop);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                new ExportContainerImageCommand(tar).ExecuteAsync(Engine, new[] { copy }, output, stop.Token));
            Assert.True(stop.IsCancellationRequested);
            Assert.Empty(FilesInFolder());
        }

        [Fact]
        public async Task A_path_that_is_a_folder_or_in_a_missing_folder_is_InvalidPath()
        {
            string copy = await TagTestImageAsync(NewRepository("badpath") + ":v1");
            foreach (string path in new[] { _folder, Path.Combine(_folder, "missing", "images.tar") })
            {
                var output = new RecordingOutput();
                await new ExportContainerImageCommand(path).ExecuteAsync(Engine, new[] { copy }, output, default);
                Assert.Equal(("InvalidPath", ErrorKind.InvalidArgument), (Assert.Single(output.Errors).ErrorId, output.Errors[0].Kind));
            }

            Assert.Empty(FilesInFolder());
        }

        [Fact]
        public async Task Loading_a_missing_file_or_one_that_is_no_image_archive_reports_each_and_goes_on()
        {
            string missing = Path.Combine(_folder, "missing.tar");
            string garbage = Path.Combine(_folder, "garbage.tar");
            File.WriteAllText(garbage, "not a tar file");

            var output = new RecordingOutput();
            await new ImportContainerImageCommand().ExecuteAsync(Engine, new[] { missing, garbage }, output, default);
            Assert.Equal(new[] { ("FileNotFound", ErrorKind.ObjectNotFound), ("ImageLoadFailed", ErrorKind.InvalidData) }, output.Errors.Select(e => (e.ErrorId, e.Kind)));
            Assert.Equal(garbage, output.Errors[1].Target);
            Assert.Contains("tar", output.Errors[1].Message, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(output.Objects);
            Assert.All(output.Progress.GroupBy(p => p.ActivityId), bar => Assert.True(bar.Last().Completed));
        }

        /// <summary>Records, and cancels the command's token at its first progress record.</summary>
        private sealed class StopOnProgressOutput : ICommandOutput
        {
            private readonly CancellationTokenSource _stop;
            private readonly RecordingOutput _inner = new RecordingOutput();

            public StopOnProgressOutput(CancellationTokenSource stop)
            {
                _stop = stop;
            }

            public void WriteObject(object value) => _inner.WriteObject(value);

            public void WriteError(CommandError error) => _inner.WriteError(error);

            public void WriteWarning(string message) => _inner.WriteWarning(message);

            public void WriteVerbose(string message) => _inner.WriteVerbose(message);

            public void WriteDebug(string message) => _inner.WriteDebug(message);

            public void WriteProgress(ProgressUpdate progress)
            {
                _inner.WriteProgress(progress);
                _stop.Cancel();
            }

            public void WriteInformation(string message, params string[] tags) => _inner.WriteInformation(message, tags);

            public bool ShouldProcess(string target, string action) => _inner.ShouldProcess(target, action);

            public bool ShouldContinue(string query, string caption) => _inner.ShouldContinue(query, caption);

            public void SetExitCode(int exitCode) => _inner.SetExitCode(exitCode);
        }
    }
}
