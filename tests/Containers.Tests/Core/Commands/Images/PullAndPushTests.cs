using Containers.Commands.Images;
using Containers.Commands.Registries;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.Registries;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Core.Commands.Registries;
using Containers.Tests.Engine.CredentialStore;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    /// <summary>
    /// Invoke-ImagePull and Invoke-ImagePush against the private engine and the private registry (htpasswd on loopback),
    /// each test with a login store of its own.
    /// </summary>
    public sealed class PullAndPushTests : RegistryCommandTest
    {
        [Fact]
        public async Task Push_then_pull_round_trip_with_the_stored_login_returns_the_images_with_the_pushed_digest()
        {
            await StoreLoginAsync();
            string reference = await TagTestImageAsync(NewRepository("trip") + ":v1");
            ImageInspect original = await Client.Images.InspectAsync(reference);

            var pushOutput = new RecordingOutput();
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { reference }, pushOutput, default);
            Assert.Empty(pushOutput.Errors);
            var pushed = Assert.IsType<ImageWithRegistryDigest>(Assert.Single(pushOutput.Objects));
            Assert.Equal(original.Id, pushed.Id);
            Assert.Equal((reference.Substring(0, reference.LastIndexOf(':')), "v1"), (pushed.Repository, pushed.Tag));
            Assert.Equal(await ManifestDigestAsync(reference), pushed.Digest);
            Assert.Contains(pushOutput.Progress, update => update.ActivityId == PushImageCommand.ProgressActivityId && update.Activity == "Pushing " + reference);
            AssertAllProgressCompleted(pushOutput);
            Assert.Contains(pushOutput.Verbose, line => line.Contains("login stored for " + Registry.Host, StringComparison.Ordinal));
            AssertNeverShown(pushOutput, Registry.Password);

            await UntagAsync(reference);
            var pullOutput = new RecordingOutput();
            await new PullImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { reference }, pullOutput, default);
            Assert.Empty(pullOutput.Errors);
            ContainerImage pulled = Assert.IsType<ContainerImage>(Assert.Single(pullOutput.Objects));
            Assert.Equal(original.Id, pulled.Id);
            Assert.Equal(reference, pulled.Name);
            Assert.Equal(pushed.Digest, pulled.Digest);
            Assert.Same(Engine, pulled.Engine);
            AssertAllProgressCompleted(pullOutput);
            AssertNeverShown(pullOutput, Registry.Password);
        }

        [Fact]
        public async Task A_pull_by_digest_returns_the_image_with_that_digest()
        {
            await StoreLoginAsync();
            string reference = await TagTestImageAsync(NewRepository("digest") + ":v1");
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { reference }, new RecordingOutput(), default);
            string repository = reference.Substring(0, reference.LastIndexOf(':'));
            string digest = await ManifestDigestAsync(reference);

            var output = new RecordingOutput();
            await new PullImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { repository + "@" + digest }, output, default);
            Track(repository + "@" + digest);
            Assert.Empty(output.Errors);
            Assert.Equal(digest, Assert.IsAssignableFrom<ContainerImage>(Assert.Single(output.Objects)).Digest);
        }

        [Fact]
        public async Task A_name_without_a_tag_pulls_latest_and_no_other_tag()
        {
            await StoreLoginAsync();
            string repository = NewRepository("latest");
            await TagTestImageAsync(repository + ":latest");
            await TagTestImageAsync(repository + ":other");
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { repository + ":latest", repository + ":other" }, new RecordingOutput(), default);
            await UntagAsync(repository + ":latest");
            await UntagAsync(repository + ":other");

            var output = new RecordingOutput();
            await new PullImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { repository }, output, default);
            Assert.Empty(output.Errors);
            ContainerImage pulled = Assert.IsType<ContainerImage>(Assert.Single(output.Objects));
            Assert.Equal((repository, "latest"), (pulled.Repository, pulled.Tag));
            Assert.Contains(repository + ":latest", pulled.RepoTags);
            Assert.DoesNotContain(repository + ":other", pulled.RepoTags);
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Images.InspectAsync(repository + ":other"));
        }

        [Fact]
        public async Task A_pull_without_a_login_fails_with_AuthenticationError_and_clears_its_progress()
        {
            await StoreLoginAsync();
            string reference = await TagTestImageAsync(NewRepository("anon") + ":v1");
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { reference }, new RecordingOutput(), default);
            await UntagAsync(reference);

            using var empty = new CredentialSandbox();
            var output = new RecordingOutput();
            await new PullImageCommand(empty.Store()).ExecuteAsync(Engine, new[] { reference }, output, default);

            Assert.Empty(output.Objects);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal((ErrorKind.AuthenticationError, "RegistryAuthenticationFailed"), (error.Kind, error.ErrorId));
            Assert.IsType<EngineAuthenticationException>(error.Exception);
            Assert.Contains("no basic auth credentials", error.Message, StringComparison.Ordinal);
            Assert.Equal(reference, error.Target);
            Assert.Contains("Connect-ContainerRegistry", error.RecommendedAction, StringComparison.Ordinal);
            Assert.Contains(output.Verbose, line => line.Contains("No login for " + Registry.Host + " is stored", StringComparison.Ordinal));
            AssertAllProgressCompleted(output);
        }

        [Fact]
        public async Task A_pull_with_a_wrong_password_names_the_registry_and_the_repository()
        {
            string reference = NewRepository("wrongpw") + ":v1";
            var output = new RecordingOutput();
            await new PullImageCommand(Sandbox.Store()) { Credential = WrongCredential }.ExecuteAsync(Engine, new[] { reference }, output, default);

            Assert.Empty(output.Objects);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal((ErrorKind.AuthenticationError, "RegistryAuthenticationFailed"), (error.Kind, error.ErrorId));
            // The registry's own words ("unauthorized: authentication required") name neither.
            Assert.Contains(Registry.Host + " refused the pull of " + reference.Substring(0, reference.LastIndexOf(':')), error.Message, StringComparison.Ordinal);
            AssertAllProgressCompleted(output);
        }

        [Fact]
        public async Task A_push_with_bad_credentials_raises_from_the_stream_as_AuthenticationError_without_showing_the_password()
        {
            string reference = await TagTestImageAsync(NewRepository("bad") + ":v1");
            var output = new RecordingOutput();
            await new PushImageCommand(Sandbox.Store()) { Credential = WrongCredential }.ExecuteAsync(Engine, new[] { reference }, output, default);

            Assert.Empty(output.Objects);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal((ErrorKind.AuthenticationError, "RegistryAuthenticationFailed"), (error.Kind, error.ErrorId));
            // The engine accepted the push (200) and reported the registry's refusal inside the stream.
            Assert.Null(Assert.IsType<EngineAuthenticationException>(error.Exception).StatusCode);
            Assert.Contains(output.Verbose, line => line.Contains("given with -Credential", StringComparison.Ordinal));
            AssertAllProgressCompleted(output);
            AssertNeverShown(output, WrongPassword);
        }

        [Fact]
        public async Task Given_credentials_override_the_stored_login()
        {
            Sandbox.WriteConfig("{\"auths\": {\"" + Registry.Host + "\": {\"auth\": \"" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Registry.UserName + ":" + WrongPassword)) + "\"}}}");
            string reference = await TagTestImageAsync(NewRepository("override") + ":v1");

            var refused = new RecordingOutput();
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { reference }, refused, default);
            Assert.Equal(ErrorKind.AuthenticationError, Assert.Single(refused.Errors).Kind);

            var output = new RecordingOutput();
            await new PushImageCommand(Sandbox.Store()) { Credential = GoodCredential }.ExecuteAsync(Engine, new[] { reference }, output, default);
            Assert.Empty(output.Errors);
            Assert.IsType<ImageWithRegistryDigest>(Assert.Single(output.Objects));
        }

        [Fact]
        public async Task A_login_made_by_the_docker_CLI_is_used_by_our_pull()
        {
            await StoreLoginAsync();
            string reference = await TagTestImageAsync(NewRepository("cli") + ":v1");
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { reference }, new RecordingOutput(), default);
            await UntagAsync(reference);

            using var cli = new CredentialSandbox();
            DockerCli.Run(cli.ConfigDirectory, new[] { "-H", Private.Endpoint.ToString(), "login", Registry.Host, "--username", Registry.UserName, "--password", Registry.Password }, cli.CliVariables);
            var output = new RecordingOutput();
            await new PullImageCommand(cli.Store()).ExecuteAsync(Engine, new[] { reference }, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(reference, Assert.IsType<ContainerImage>(Assert.Single(output.Objects)).Name);
        }

        [Fact]
        public async Task A_login_made_by_Connect_is_used_by_the_docker_CLI()
        {
            await StoreLoginAsync();
            string reference = await TagTestImageAsync(NewRepository("ours") + ":v1");
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { reference }, new RecordingOutput(), default);
            await UntagAsync(reference);

            using var ours = new CredentialSandbox();
            await new ConnectRegistryCommand(ours.Store(), new RegistryLoginCheck()) { Registry = Registry.Host, Credential = GoodCredential }
                .ExecuteAsync(new RecordingOutput(), default);
            DockerCli.Run(ours.ConfigDirectory, new[] { "-H", Private.Endpoint.ToString(), "pull", reference }, ours.CliVariables);
            Assert.Equal(reference, Assert.Single((await Client.Images.InspectAsync(reference)).RepoTags!, tag => tag == reference));
        }

        [Theory]
        [InlineData("Bad:Name!")]
        [InlineData("team/App:v1")]
        [InlineData("app@sha256:short")]
        public async Task A_malformed_reference_is_refused_naming_it_before_anything_is_sent(string name)
        {
            // Nothing answers at this engine: sending anything would be an EngineUnreachable error, not InvalidName.
            var pull = new RecordingOutput();
            await new PullImageCommand(Sandbox.Store()).ExecuteAsync(Nowhere, new[] { name }, pull, default);
            var push = new RecordingOutput();
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Nowhere, new[] { name }, push, default);

            foreach (RecordingOutput output in new[] { pull, push })
            {
                CommandError error = Assert.Single(output.Errors);
                Assert.Equal(("InvalidName", ErrorKind.InvalidArgument, (object)name), (error.ErrorId, error.Kind, error.Target));
                Assert.Contains("'" + name + "'", error.Message, StringComparison.Ordinal);
                Assert.Empty(output.Objects);
                Assert.Empty(output.Progress);
            }
        }

        [Fact]
        public async Task A_push_refuses_a_digest_and_one_bad_name_does_not_stop_the_next()
        {
            await StoreLoginAsync();
            string reference = await TagTestImageAsync(NewRepository("next") + ":v1");
            var output = new RecordingOutput();
            string digestName = reference.Substring(0, reference.LastIndexOf(':')) + "@sha256:" + new string('a', 64);
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { digestName, reference }, output, default);

            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(("InvalidName", (object)digestName), (error.ErrorId, error.Target));
            Assert.Contains("names a digest", error.Message, StringComparison.Ordinal);
            Assert.IsType<ImageWithRegistryDigest>(Assert.Single(output.Objects));
        }

        [Fact]
        public async Task WhatIf_pulls_and_pushes_nothing()
        {
            var output = new RecordingOutput { Approve = false };
            await new PullImageCommand(Sandbox.Store()).ExecuteAsync(Nowhere, new[] { "127.0.0.1:1/app" }, output, default);
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Nowhere, new[] { "127.0.0.1:1/app:v2" }, output, default);
            Assert.Equal(new[] { ("image '127.0.0.1:1/app:latest' on nowhere", "Pull"), ("image '127.0.0.1:1/app:v2' on nowhere", "Push to 127.0.0.1:1") }, output.Asked);
            Assert.Empty(output.Errors);
            Assert.Empty(output.Progress);
        }

        [Fact]
        public async Task Pushing_an_image_the_engine_does_not_have_is_ImageNotFound()
        {
            await StoreLoginAsync();
            var output = new RecordingOutput();
            string missing = NewRepository("missing") + ":v1";
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { missing }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal((ErrorKind.ObjectNotFound, "ImageNotFound", (object)missing), (error.Kind, error.ErrorId, error.Target));
            Assert.Empty(output.Progress);
        }

        /// <summary>The digest the registry itself gives the manifest of the tag.</summary>
        private async Task<string> ManifestDigestAsync(string reference)
        {
            string path = reference.Substring(Registry.Host.Length + 1);
            int colon = path.LastIndexOf(':');
            using HttpClient http = Registry.CreateHttpClient(authenticated: true);
            using var request = new HttpRequestMessage(HttpMethod.Head, "v2/" + path.Substring(0, colon) + "/manifests/" + path.Substring(colon + 1));
            request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
            using HttpResponseMessage answer = await http.SendAsync(request);
            answer.EnsureSuccessStatusCode();
            return answer.Headers.GetValues("Docker-Content-Digest").Single();
        }
    }
}
