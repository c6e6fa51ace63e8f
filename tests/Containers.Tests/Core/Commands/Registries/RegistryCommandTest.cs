using System.Collections.Concurrent;
using Containers.Engine;
using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Engine.References;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Engine.CredentialStore;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Registries
{
    /// <summary>
    /// A base for tests of the registry-facing commands: the private engine and registry, a login store of the test's
    /// own (never the machine's ~/.docker), and the image names a test made, removed from the engine afterwards.
    /// </summary>
    [RequiresEngine]
    public abstract class RegistryCommandTest : IAsyncLifetime
    {
        private readonly ConcurrentBag<string> _images = new ConcurrentBag<string>();

        protected CredentialSandbox Sandbox { get; } = new CredentialSandbox();

        protected PrivateEngine Private { get; private set; } = null!;

        protected PrivateRegistry Registry { get; private set; } = null!;

        protected ContainerEngine Engine => Private.Engine;

        protected EngineClient Client => Private.Client;

        protected RegistryCredential GoodCredential => new RegistryCredential(Registry.UserName, Registry.Password);

        /// <summary>A wrong password that is easy to look for in every message the command wrote.</summary>
        protected RegistryCredential WrongCredential => new RegistryCredential(Registry.UserName, WrongPassword);

        protected string WrongPassword { get; } = "wrong-" + Guid.NewGuid().ToString("N");

        public async Task InitializeAsync()
        {
            Private = await PrivateEngine.GetAsync();
            Registry = await PrivateRegistry.GetAsync();
        }

        public async Task DisposeAsync()
        {
            foreach (string image in _images)
            {
                try
                {
                    await Client.Images.RemoveAsync(image, force: true);
                }
                catch (EngineNotFoundException)
                {
                    // The test removed it itself.
                }
            }

            Sandbox.Dispose();
        }

        /// <summary>A repository of the test's own in the private registry: <c>127.0.0.1:PORT/imgreg/NAME</c>.</summary>
        protected string NewRepository(string prefix = "r") => Registry.Host + "/imgreg/" + PrivateEngine.UniqueName(prefix);

        /// <summary>Gives the test image a further name (removed after the test).</summary>
        protected async Task<string> TagTestImageAsync(string reference)
        {
            await Client.Images.TagAsync(Private.Image, ImageReference.Parse(reference));
            Track(reference);
            return reference;
        }

        /// <summary>Registers an image name or id for removal after the test.</summary>
        protected void Track(string image) => _images.Add(image);

        protected Task StoreLoginAsync() => Sandbox.Store().StoreAsync(Registry.Host, GoodCredential);

        /// <summary>Removes a name from the engine (the image stays while another name holds it).</summary>
        protected async Task UntagAsync(string reference)
        {
            await Client.Images.RemoveAsync(reference);
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Images.InspectAsync(reference));
        }

        /// <summary>An engine nothing listens for: a command that sent anything to it would fail with EngineUnreachable.</summary>
        protected static ContainerEngine Nowhere =>
            EngineDirectory.Get(EngineEndpoint.Parse("unix:///tmp/cte-nowhere-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".sock"), null, new Version(1, 41), "nowhere", "parameter");

        /// <summary>Every Write-Progress activity the command opened ends with a completed record: nothing is left on screen.</summary>
        protected static void AssertAllProgressCompleted(RecordingOutput output)
        {
            IReadOnlyList<ProgressUpdate> updates = output.Progress;
            Assert.NotEmpty(updates);
            foreach (IGrouping<int, ProgressUpdate> activity in updates.GroupBy(update => update.ActivityId))
            {
                Assert.True(activity.Last().Completed, $"activity {activity.Key} ('{activity.Last().Activity}') was left on screen at '{activity.Last().Status}'");
            }
        }

        /// <summary>No message the command wrote, nor any exception it reported, holds the secret.</summary>
        protected static void AssertNeverShown(RecordingOutput output, string secret)
        {
            IEnumerable<string> texts = output.Verbose.Concat(output.Warnings).Concat(output.Information)
                .Concat(output.Errors.SelectMany(error => new[] { error.Message, error.RecommendedAction ?? string.Empty, error.Target?.ToString() ?? string.Empty }
                    .Concat(Chain(error.Exception).Select(e => e.ToString()))))
                .Concat(output.Progress.Select(update => update.Activity + " " + update.Status + " " + update.CurrentOperation))
                .Concat(output.Objects.Select(value => value.ToString() ?? string.Empty));
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
        }

        private static IEnumerable<Exception> Chain(Exception? exception)
        {
            for (; exception != null; exception = exception.InnerException)
            {
                yield return exception;
            }
        }
    }
}
