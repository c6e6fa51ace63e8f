using Containers.Commands.Images;
using Containers.Commands.Registries;
using Containers.Engine.Credentials;
using Containers.Engine.Registries;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Registries
{
    /// <summary>Get-ContainerRegistryTag against the private registry, with stored, given, wrong and no credentials.</summary>
    public sealed class RegistryTagCommandTests : RegistryCommandTest
    {
        private GetRegistryTagCommand Tags(RegistryCredential? credential = null) => new GetRegistryTagCommand(Sandbox.Store(), new RegistryClient()) { Credential = credential };

        [Fact]
        public async Task The_tags_of_a_pushed_repository_are_listed_with_the_stored_login()
        {
            await StoreLoginAsync();
            string repository = NewRepository("tags");
            foreach (string tag in new[] { "v1", "v2", "latest" })
            {
                await TagTestImageAsync(repository + ":" + tag);
            }

            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { "v1", "v2", "latest" }.Select(tag => repository + ":" + tag), new RecordingOutput(), default);

            var output = new RecordingOutput();
            await Tags().ExecuteAsync(new[] { repository + ":ignored" }, output, default);
            Assert.Empty(output.Errors);
            ContainerRegistryTag[] tags = output.ObjectsOf<ContainerRegistryTag>().ToArray();
            Assert.Equal(new[] { "latest", "v1", "v2" }, tags.Select(tag => tag.Tag));
            Assert.All(tags, tag => Assert.Equal((Registry.Host, repository), (tag.Registry, tag.Repository)));
            Assert.Equal(repository + ":v1", tags[1].Name);

            var filtered = new RecordingOutput();
            await new GetRegistryTagCommand(Sandbox.Store(), new RegistryClient()) { Tag = new[] { "v*" } }.ExecuteAsync(new[] { repository }, filtered, default);
            Assert.Equal(new[] { "v1", "v2" }, filtered.ObjectsOf<ContainerRegistryTag>().Select(tag => tag.Tag));
        }

        [Fact]
        public async Task Without_a_login_wrong_credentials_and_a_missing_repository_are_told_apart()
        {
            await StoreLoginAsync();
            string repository = NewRepository("auth");
            await TagTestImageAsync(repository + ":v1");
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { repository + ":v1" }, new RecordingOutput(), default);

            using var empty = new global::Containers.Tests.Engine.CredentialStore.CredentialSandbox();
            var anonymous = new RecordingOutput();
            await new GetRegistryTagCommand(empty.Store(), new RegistryClient()).ExecuteAsync(new[] { repository }, anonymous, default);
            Assert.Equal(("RegistryLoginRequired", ErrorKind.AuthenticationError), (Assert.Single(anonymous.Errors).ErrorId, anonymous.Errors[0].Kind));

            var wrong = new RecordingOutput();
            await Tags(WrongCredential).ExecuteAsync(new[] { repository }, wrong, default);
            Assert.Equal(("RegistryCredentialsRejected", ErrorKind.AuthenticationError), (Assert.Single(wrong.Errors).ErrorId, wrong.Errors[0].Kind));
            AssertNeverShown(wrong, WrongPassword);

            var missing = new RecordingOutput();
            await Tags().ExecuteAsync(new[] { NewRepository("never-pushed"), repository }, missing, default);
            Assert.Equal(("RegistryRepositoryNotFound", ErrorKind.ObjectNotFound), (Assert.Single(missing.Errors).ErrorId, missing.Errors[0].Kind));
            Assert.Equal("v1", Assert.Single(missing.ObjectsOf<ContainerRegistryTag>()).Tag);
        }

        [Fact]
        public async Task A_malformed_repository_is_refused_before_anything_is_sent()
        {
            var output = new RecordingOutput();
            await Tags().ExecuteAsync(new[] { "127.0.0.1:1/Not Valid" }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(("InvalidName", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        }
    }
}
