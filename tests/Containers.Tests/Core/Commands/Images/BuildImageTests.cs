using System.Collections;
using Containers.Commands.Images;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Core.Commands.Registries;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    /// <summary>Invoke-ImageBuild against the private engine (classic builder), from context folders of the test's own.</summary>
    public sealed class BuildImageTests : RegistryCommandTest, IDisposable
    {
        private readonly string _context = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "containers-build-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;

        public void Dispose() => Directory.Delete(_context, recursive: true);

        private string Write(string relativePath, string text)
        {
            string path = Path.Combine(_context, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.Replace("\r\n", "\n"));
            return path;
        }

        private async Task<(ContainerImage? Image, RecordingOutput Output)> BuildAsync(Action<BuildImageCommand>? configure = null)
        {
            var command = new BuildImageCommand(Sandbox.Store()) { Path = _context };
            configure?.Invoke(command);
            var output = new RecordingOutput();
            ContainerImage? image = await command.ExecuteAsync(Engine, output, default);
            if (image != null)
            {
                Track(image.Id);
            }

            return (image, output);
        }

        private string Run(string image, params string[] command) =>
            DockerCli.Run(Private.Endpoint, Sandbox.ConfigDirectory, new[] { "run", "--rm", image }.Concat(command).ToArray());

        [Fact]
        public async Task The_built_image_is_returned_tagged_and_labelled_and_honours_dockerignore()
        {
            Write("Dockerfile", $"FROM {Private.Image}\nARG GREETING=unset\nRUN echo \"$GREETING\" > /greeting\nCOPY . /ctx/\n");
            Write("keep.txt", "kept");
            Write("secret.txt", "must not travel");
            Write("logs/app.log", "must not travel either");
            Write("logs/keep.log", "an exception travels");
            Write(".dockerignore", "secret.txt\nlogs/*\n!logs/keep.log\n");
            string tag = "localhost/imgreg/built:" + PrivateEngine.UniqueName("v");

            (ContainerImage? image, RecordingOutput output) = await BuildAsync(build =>
            {
                build.Tag = new[] { tag };
                build.BuildArg = new Hashtable { ["GREETING"] = "hello" };
                build.Label = new Hashtable { ["purpose"] = "test" };
            });

            Assert.Empty(output.Errors);
            Assert.NotNull(image);
            Assert.Same(image, Assert.Single(output.Objects));
            Assert.Equal(tag, image!.Name);
            Assert.Equal("test", image.Labels["purpose"]);
            ImageInspect inspect = await Client.Images.InspectAsync(tag);
            Assert.Equal(inspect.Id, image.Id);

            string[] files = Run(tag, "find", "/ctx", "-type", "f").Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "/ctx/.dockerignore", "/ctx/Dockerfile", "/ctx/keep.txt", "/ctx/logs/keep.log" }, files);
            Assert.Equal("hello", Run(tag, "cat", "/greeting").Trim());
        }

        [Fact]
        public async Task Build_output_goes_to_the_Information_stream_tagged_Build_and_every_progress_bar_is_completed()
        {
            Write("Dockerfile", $"FROM {Private.Image}\nRUN echo building-now\nRUN echo second\n");
            (ContainerImage? image, RecordingOutput output) = await BuildAsync(build => build.NoCache = true);

            Assert.NotNull(image);
            Assert.Contains(output.TaggedInformation, line => line.Message == "building-now" && line.Tags.SequenceEqual(new[] { "Build" }));
            Assert.Contains(output.TaggedInformation, line => line.Message.StartsWith("Step 1/3 : FROM ", StringComparison.Ordinal));
            Assert.All(output.TaggedInformation, line => Assert.DoesNotContain('\n', line.Message));

            // Each step moves the build's bar; the upload has a bar of its own beneath it, counting bytes.
            Assert.Contains(output.Progress, update => update.ActivityId == BuildImageCommand.BuildActivityId && update.Status.StartsWith("Step 3/3 : RUN", StringComparison.Ordinal) && update.PercentComplete == 66);
            ProgressUpdate[] upload = output.Progress.Where(update => update.ActivityId == BuildImageCommand.UploadActivityId).ToArray();
            Assert.Contains(upload, update => !update.Completed);
            Assert.True(upload.Last().Completed);
            Assert.All(upload, update => Assert.Equal(BuildImageCommand.BuildActivityId, update.ParentActivityId));
            Assert.Matches(@"^\d+(\.\d+)?kB sent \(\d+ files? (and|or) folders?\)$", upload.Last().Status);
            AssertAllProgressCompleted(output);
        }

        [Fact]
        public async Task A_failing_RUN_raises_an_error_carrying_its_exit_code()
        {
            Write("Dockerfile", $"FROM {Private.Image}\nRUN echo before-failing && exit 7\n");
            (ContainerImage? image, RecordingOutput output) = await BuildAsync();

            Assert.Null(image);
            Assert.Empty(output.Objects);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(("ImageBuildStepFailed", ErrorKind.InvalidResult, (object)_context), (error.ErrorId, error.Kind, error.Target));
            Assert.Equal(7, Assert.IsType<EngineStreamException>(error.Exception).Code);
            Assert.Contains("returned a non-zero code: 7", error.Message, StringComparison.Ordinal);
            Assert.Contains("before-failing", output.Information);
            AssertAllProgressCompleted(output);
        }

        [Fact]
        public async Task A_Dockerfile_outside_the_context_and_a_target_stage_are_used()
        {
            Write("data.txt", "from the context");
            string elsewhere = Directory.CreateDirectory(_context + "-dockerfile").FullName;
            try
            {
                string dockerfile = Path.Combine(elsewhere, "Build.dockerfile");
                File.WriteAllText(dockerfile, $"FROM {Private.Image} AS first\nCOPY data.txt /data.txt\nFROM first AS second\nRUN exit 3\n");
                (ContainerImage? image, RecordingOutput output) = await BuildAsync(build =>
                {
                    build.Dockerfile = dockerfile;
                    build.Target = "first";
                    build.Tag = new[] { "localhost/imgreg/outside:" + PrivateEngine.UniqueName("v") };
                });

                Assert.Empty(output.Errors);
                Assert.Equal("from the context", Run(image!.Name, "cat", "/data.txt"));
            }
            finally
            {
                Directory.Delete(elsewhere, recursive: true);
            }
        }

        [Fact]
        public async Task Bad_paths_and_tags_are_refused_before_anything_is_sent()
        {
            Write("Dockerfile", "FROM scratch\n");
            var output = new RecordingOutput();
            await new BuildImageCommand(Sandbox.Store()) { Path = Path.Combine(_context, "missing") }.ExecuteAsync(Nowhere, output, default);
            await new BuildImageCommand(Sandbox.Store()) { Path = _context, Dockerfile = Path.Combine(_context, "Nope") }.ExecuteAsync(Nowhere, output, default);
            await new BuildImageCommand(Sandbox.Store()) { Path = _context, Tag = new[] { "Bad Tag" } }.ExecuteAsync(Nowhere, output, default);

            Assert.Equal(new[] { ("InvalidPath", ErrorKind.InvalidArgument), ("InvalidDockerfile", ErrorKind.InvalidArgument), ("InvalidTag", ErrorKind.InvalidArgument) },
                output.Errors.Select(error => (error.ErrorId, error.Kind)));
            Assert.Contains("'Bad Tag'", output.Errors[2].Message, StringComparison.Ordinal);
            Assert.Empty(output.Progress);
        }

        [Fact]
        public async Task A_base_image_behind_a_login_is_pulled_with_the_stored_login()
        {
            await StoreLoginAsync();
            string baseImage = await TagTestImageAsync(NewRepository("base") + ":v1");
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { baseImage }, new RecordingOutput(), default);
            await UntagAsync(baseImage);
            Write("Dockerfile", $"FROM {baseImage}\nRUN echo on-a-private-base\n");

            (ContainerImage? image, RecordingOutput output) = await BuildAsync();

            Assert.Empty(output.Errors);
            Assert.NotNull(image);
            Assert.Contains(output.Verbose, line => line.Contains("stored logins for " + Registry.Host, StringComparison.Ordinal));
            Assert.Contains(output.Progress, update => update.ActivityId == BuildImageCommand.BaseImageActivityId);
            AssertAllProgressCompleted(output);
            AssertNeverShown(output, Registry.Password);
            Track(baseImage);
        }

        [Fact]
        public async Task A_base_image_behind_a_login_without_one_is_an_AuthenticationError()
        {
            await StoreLoginAsync();
            string baseImage = await TagTestImageAsync(NewRepository("nobase") + ":v1");
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { baseImage }, new RecordingOutput(), default);
            await UntagAsync(baseImage);
            Write("Dockerfile", $"FROM {baseImage}\n");

            var output = new RecordingOutput();
            using var empty = new global::Containers.Tests.Engine.CredentialStore.CredentialSandbox();
            await new BuildImageCommand(empty.Store()) { Path = _context }.ExecuteAsync(Engine, output, default);

            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
            AssertAllProgressCompleted(output);
        }
    }
}
