using Containers.Commands.Images;
using Containers.Commands.Projects;
using Containers.Compose;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Engine.CredentialStore;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Projects
{
    /// <summary>
    /// Each service's pull_policy (always, missing, never, build), and -Pull over it as docker compose up --pull. The
    /// test image is named localhost/...: a pull of it asks a registry on this machine's port 443, where none answers,
    /// so a pull tried is a pull that fails, and nothing reaches the internet.
    /// </summary>
    public class ProjectPullPolicyTests : ProjectCommandTest
    {
        private static string App(string policy) => $@"services:
  app:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    pull_policy: {policy}
";

        [Fact]
        public async Task Pull_policy_always_pulls_an_image_the_engine_has_and_Pull_Missing_wins_over_it()
        {
            using var sandbox = new CredentialSandbox();
            string file = Folder.Write("compose.yaml", App("always"));

            RecordingOutput always = await UpAsync(file, null, sandbox);
            CommandError error = Assert.Single(always.Errors);
            Assert.StartsWith("Service 'app': ", error.Message);
            Assert.Empty(await ContainersAsync());

            RecordingOutput missing = await UpAsync(file, ImagePullPolicy.Missing, sandbox);
            Assert.Empty(missing.Errors);
            Assert.Equal("running", (await ContainersAsync())[Project + "-app-1"].State);

            // missing (and compose's older if_not_present) finds the image and does not pull.
            Folder.Write("compose.yaml", App("if_not_present"));
            Assert.Empty((await UpAsync(file, null, sandbox)).Errors);
        }

        [Fact]
        public async Task Pull_policy_never_with_a_missing_image_is_ImageNotFound_and_Pull_Always_wins_over_it()
        {
            using var sandbox = new CredentialSandbox();
            string file = Folder.Write("compose.yaml", App("never").Replace("${IMAGE}", "localhost/containers-test/absent:1"));

            RecordingOutput never = await UpAsync(file, null, sandbox);
            CommandError error = Assert.Single(never.Errors);
            Assert.Equal("ImageNotFound", error.ErrorId);
            Assert.StartsWith("Service 'app': ", error.Message);
            Assert.DoesNotContain(never.Verbose, line => line.Contains("pulling it"));

            // -Pull Missing: the missing image is pulled (and fails, with no registry to answer), not refused.
            RecordingOutput pulled = await UpAsync(file, ImagePullPolicy.Missing, sandbox);
            Assert.Contains(pulled.Verbose, line => line.Contains("The engine has no image 'localhost/containers-test/absent:1': pulling it."));
            Assert.Single(pulled.Errors);
            Assert.Empty(await ContainersAsync());
        }

        [Fact]
        public async Task Pull_policy_build_builds_every_time_and_needs_a_build_section()
        {
            using var sandbox = new CredentialSandbox();
            Folder.Write("app/Dockerfile", $"FROM {Image}\nRUN echo one > /built\n");
            string file = Folder.Write("compose.yaml", @"services:
  app:
    build: ./app
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    pull_policy: build
");
            string image = Project + "-app";
            try
            {
                Assert.Empty((await UpAsync(file, null, sandbox)).Errors);
                ContainerSummary first = (await ContainersAsync())[Project + "-app-1"];

                // Built again though the image exists (without -Build, a changed Dockerfile would not be seen): a new
                // image, so the container is recreated from it.
                Folder.Write("app/Dockerfile", $"FROM {Image}\nRUN echo two > /built\n");
                RecordingOutput second = await UpAsync(file, null, sandbox);
                Assert.Empty(second.Errors);
                Assert.Contains(second.Verbose, line => line.Contains("Building the image"));
                Assert.NotEqual(first.ImageID, (await ContainersAsync())[Project + "-app-1"].ImageID);
            }
            finally
            {
                await new RemoveContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, new RecordingOutput(), default);
                await Client.Images.RemoveAsync(image, force: true);
            }

            Folder.Write("compose.yaml", App("build"));
            ComposeFileException error = await Assert.ThrowsAsync<ComposeFileException>(() => UpAsync(file, null, sandbox));
            Assert.Equal($"services.app.pull_policy", error.Key);
            Assert.Contains("no build: section", error.Message);
        }

        [Fact]
        public void A_pull_policy_compose_does_not_know_is_ComposeFileInvalid_at_its_line()
        {
            string file = Folder.Write("compose.yaml", App("sometimes"));
            ComposeFileException error = Assert.Throws<ComposeFileException>(() => ComposeReader.Read(new[] { file }, new ComposeReadOptions { ProjectName = Project, Environment = Variables }));
            Assert.Equal(6, error.Line);
            Assert.Contains("'sometimes' is not a pull policy", error.Message);
        }

        private async Task<RecordingOutput> UpAsync(string file, ImagePullPolicy? pull, CredentialSandbox sandbox)
        {
            var output = new RecordingOutput();
            await new StartContainerProjectCommand
            {
                Path = new[] { file },
                Name = Project,
                Environment = Variables,
                Pull = pull,
                Puller = new ImagePuller(sandbox.Store()),
                BuildStore = sandbox.Store(),
            }.ExecuteAsync(Engine, output, default);
            return output;
        }
    }
}
