using System.Collections.Concurrent;
using Containers.Commands.Containers;
using Containers.Commands.Images;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Models;
using Containers.Tests.Core.Commands.Registries;
using Containers.Tests.Engine.CredentialStore;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    /// <summary>
    /// New-Container and Invoke-ContainerImage pull as docker create and run do (-Pull Missing, Always, Never), with the
    /// login stored for the private registry and the same layer progress as Invoke-ImagePull. Each test pushes an image
    /// of its own to the private registry and removes it from the engine, so only a pull can bring it back.
    /// </summary>
    public sealed class NewContainerPullTests : RegistryCommandTest, IAsyncLifetime
    {
        private readonly ConcurrentBag<string> _containers = new ConcurrentBag<string>();

        [Fact]
        public async Task Missing_pulls_an_image_the_engine_lacks_with_the_stored_login_and_layer_progress_then_creates()
        {
            (string reference, string pushed) = await PushedAndRemovedLocallyAsync("missing");
            string name = PrivateEngine.UniqueName("pull");

            var output = new RecordingOutput();
            Container? container = await Command(reference, name, ImagePullPolicy.Missing).ExecuteAsync(Engine, output, default);

            Assert.NotNull(container);
            _containers.Add(container!.Id);
            Assert.Empty(output.Errors);
            Assert.Equal((name, reference), (container.Name, container.Image));
            ContainerInspect inspect = await Client.Containers.InspectAsync(name);
            Assert.Equal(pushed, inspect.Image);
            Assert.Contains(output.Verbose, line => line.Contains("has no image '" + reference + "'", StringComparison.Ordinal));
            Assert.Contains(output.Verbose, line => line.Contains("login stored for " + Registry.Host, StringComparison.Ordinal));
            Assert.Contains(output.Progress, update => update.ActivityId == ImagePuller.ProgressActivityId && update.Activity == "Pulling " + reference);
            Assert.Contains(output.Progress, update => update.ParentActivityId == ImagePuller.ProgressActivityId && update.Activity.StartsWith("Layer ", StringComparison.Ordinal));
            AssertAllProgressCompleted(output);
            AssertNeverShown(output, Registry.Password);
        }

        [Fact]
        public async Task Never_with_a_missing_image_is_ImageNotFound_and_creates_nothing()
        {
            (string reference, _) = await PushedAndRemovedLocallyAsync("never");
            string name = PrivateEngine.UniqueName("never");

            var output = new RecordingOutput();
            var failure = await Assert.ThrowsAsync<EngineNotFoundException>(() => Command(reference, name, ImagePullPolicy.Never).ExecuteAsync(Engine, output, default));

            global::Containers.Output.CommandError error = global::Containers.Errors.ErrorClassifier.Classify(failure, null);
            Assert.Equal(("ImageNotFound", global::Containers.Output.ErrorKind.ObjectNotFound), (error.ErrorId, error.Kind));
            Assert.Empty(output.Progress);
            Assert.False(await ExistsAsync(reference));
            Assert.False(await ContainerExistsAsync(name));
        }

        [Fact]
        public async Task Missing_reports_a_refused_pull_as_the_pulls_error_and_creates_nothing()
        {
            (string reference, _) = await PushedAndRemovedLocallyAsync("denied");
            string name = PrivateEngine.UniqueName("denied");

            using var empty = new CredentialSandbox();
            var output = new RecordingOutput();
            var command = new NewContainerCommand(new ContainerCreateRequest { Image = reference, Cmd = new List<string> { "true" } }, name, null)
            {
                Puller = new ImagePuller(empty.Store()),
            };
            var failure = await Assert.ThrowsAsync<EngineAuthenticationException>(() => command.ExecuteAsync(Engine, output, default));

            Assert.Equal("RegistryAuthenticationFailed", global::Containers.Errors.ErrorClassifier.Classify(failure, null).ErrorId);
            Assert.Contains(output.Verbose, line => line.Contains("No login for " + Registry.Host + " is stored", StringComparison.Ordinal));
            AssertAllProgressCompleted(output);
            Assert.False(await ContainerExistsAsync(name));
        }

        [Fact]
        public async Task Missing_reports_an_unreachable_registry_as_the_pulls_error_and_creates_nothing()
        {
            // Nothing listens on port 1 of the loopback: the engine cannot reach this registry.
            string reference = "127.0.0.1:1/nowhere/" + PrivateEngine.UniqueName("img") + ":v1";
            string name = PrivateEngine.UniqueName("unreachable");

            var output = new RecordingOutput();
            var failure = await Assert.ThrowsAnyAsync<EngineException>(() => Command(reference, name, ImagePullPolicy.Missing).ExecuteAsync(Engine, output, default));

            // The pull's answer (the registry could not be reached), not the create's "No such image".
            Assert.DoesNotContain("No such image", failure.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("127.0.0.1:1", failure.Message, StringComparison.Ordinal);
            Assert.Contains(output.Verbose, line => line.Contains("has no image '" + reference + "'", StringComparison.Ordinal));
            Assert.False(await ContainerExistsAsync(name));
        }

        [Fact]
        public async Task Always_pulls_the_registrys_image_over_a_different_local_one_where_Missing_keeps_the_local()
        {
            (string reference, string original) = await PushedAndRemovedLocallyAsync("always");
            string local = await CommitAsync(reference, "true");
            Assert.NotEqual(original, local);

            var missing = new RecordingOutput();
            Container? kept = await Command(reference, PrivateEngine.UniqueName("keep"), ImagePullPolicy.Missing).ExecuteAsync(Engine, missing, default);
            _containers.Add(kept!.Id);
            Assert.Equal(local, (await Client.Containers.InspectAsync(kept.Id)).Image);
            Assert.Empty(missing.Progress);

            var always = new RecordingOutput();
            Container? pulled = await Command(reference, PrivateEngine.UniqueName("fresh"), ImagePullPolicy.Always).ExecuteAsync(Engine, always, default);
            _containers.Add(pulled!.Id);
            Assert.Empty(always.Errors);
            Assert.Equal(original, (await Client.Containers.InspectAsync(pulled.Id)).Image);
            Assert.Equal(original, (await Client.Images.InspectAsync(reference)).Id);
            AssertAllProgressCompleted(always);
        }

        [Fact]
        public async Task Invoke_ContainerImage_pulls_a_missing_image_before_it_runs()
        {
            (string reference, _) = await PushedAndRemovedLocallyAsync("run");

            var output = new RecordingOutput();
            await new InvokeContainerImageCommand(Command(reference, null, ImagePullPolicy.Missing, "echo", "ran")) { Remove = true }
                .ExecuteAsync(Engine, output, default);

            Assert.Empty(output.Errors);
            Assert.Equal(new object[] { "ran" }, output.Objects);
            Assert.Equal(0, output.ExitCode);
            AssertAllProgressCompleted(output);
        }

        [Fact]
        public async Task WhatIf_neither_pulls_nor_creates()
        {
            (string reference, _) = await PushedAndRemovedLocallyAsync("whatif");
            var output = new RecordingOutput { Approve = false };
            Assert.Null(await Command(reference, null, ImagePullPolicy.Always).ExecuteAsync(Engine, output, default));
            Assert.Empty(output.Progress);
            Assert.False(await ExistsAsync(reference));
        }

        // Declared again with the interface so xunit calls this one: the containers go before the base removes their images.
        public new async Task DisposeAsync()
        {
            foreach (string id in _containers)
            {
                await Client.Containers.RemoveAsync(id, force: true);
            }

            await base.DisposeAsync();
        }

        private NewContainerCommand Command(string image, string? name, ImagePullPolicy pull, params string[] command) =>
            new NewContainerCommand(new ContainerCreateRequest { Image = image, Cmd = (command.Length == 0 ? new[] { "true" } : command).ToList() }, name, null)
            {
                Pull = pull,
                Puller = new ImagePuller(Sandbox.Store()),
            };

        /// <summary>
        /// An image of the test's own (the test image and a file with unique content, so the engine has one layer of it
        /// nowhere else), pushed with the stored login to a repository of the test's own, then removed from the engine
        /// whole: a pull must fetch that layer. Returns its reference and id.
        /// </summary>
        private async Task<(string Reference, string Id)> PushedAndRemovedLocallyAsync(string prefix)
        {
            await StoreLoginAsync();
            string reference = NewRepository(prefix) + ":v1";
            string id = await CommitAsync(reference, "echo " + Guid.NewGuid().ToString("N") + " > /unique");
            await new PushImageCommand(Sandbox.Store()).ExecuteAsync(Engine, new[] { reference }, new RecordingOutput(), default);
            await Client.Images.RemoveAsync(id, force: true);
            Assert.False(await ExistsAsync(id));
            return (reference, id);
        }

        /// <summary>Commits the test image after <paramref name="script"/> ran in it, as <paramref name="reference"/>; removed after the test.</summary>
        private async Task<string> CommitAsync(string reference, string script)
        {
            ContainerCreateResponse created = await Client.Containers.CreateAsync(null, new ContainerCreateRequest { Image = Private.Image, Cmd = new List<string> { "sh", "-c", script } });
            try
            {
                await Client.Containers.StartAsync(created.Id);
                await Client.Containers.WaitAsync(created.Id);
                ImageReference parsed = ImageReference.Parse(reference);
                string id = await Client.Images.CommitAsync(created.Id, new ContainerCommitParameters { Repository = parsed.FamiliarRepository, Tag = parsed.Tag });
                Track(reference);
                Track(id);
                return id;
            }
            finally
            {
                await Client.Containers.RemoveAsync(created.Id, force: true);
            }
        }

        private async Task<bool> ExistsAsync(string image)
        {
            try
            {
                await Client.Images.InspectAsync(image);
                return true;
            }
            catch (EngineNotFoundException)
            {
                return false;
            }
        }

        private async Task<bool> ContainerExistsAsync(string name) =>
            (await Client.Containers.ListAsync(new ContainerListParameters { All = true })).Any(c => c.Names!.Contains("/" + name));
    }
}
