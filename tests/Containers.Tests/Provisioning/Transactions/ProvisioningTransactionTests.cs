using Containers.Commands.Hosts;
using Containers.Engine.Configuration;
using Containers.Errors;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Transactions
{
    /// <summary>The transaction on its own, with steps that record what they do: undo order, failures of undo, progress.</summary>
    public sealed class ProvisioningTransactionTests
    {
        [Fact]
        public async Task A_failing_step_undoes_every_earlier_step_newest_first_and_goes_on_when_an_undo_fails()
        {
            var log = new List<string>();
            ProvisioningStep Making(string name) => new ProvisioningStep(name, "make " + name, (undo, _) =>
            {
                log.Add("made " + name);
                undo.Register("unmake " + name, () => log.Add("unmade " + name));
                return Task.CompletedTask;
            });

            var steps = new[]
            {
                Making("a"),
                new ProvisioningStep("b", "make b", (undo, _) =>
                {
                    undo.Register("unmake b", () => throw new IOException("b is stuck"));
                    return Task.CompletedTask;
                }),
                Making("c"),
                ProvisioningStep.Plain("d", "fail", _ => throw new InvalidOperationException("d went wrong")),
                Making("e"),
            };
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<ProvisioningStepException>(() => new ProvisioningTransaction("h", steps).RunAsync(new ProvisioningOutput(output), CancellationToken.None));

            Assert.Equal(new[] { "made a", "made c", "unmade c", "unmade a" }, log);
            Assert.Equal("d", failure.Step);
            Assert.Equal(4, failure.StepNumber);
            Assert.Equal("d went wrong", failure.InnerException!.Message);
            Assert.Equal(new[] { "unmake c", "unmake a" }, failure.Undone);
            Assert.Contains("b is stuck", failure.UndoFailures.Single(), StringComparison.Ordinal);
            Assert.Contains("left behind", failure.Message, StringComparison.Ordinal);
            Assert.Contains(output.Warnings, w => w.Contains("b is stuck", StringComparison.Ordinal));
            Assert.Equal(new[] { "Step 1 of 5: a", "Step 2 of 5: b", "Step 3 of 5: c", "Step 4 of 5: d" }, output.Progress.Where(p => p.Status.StartsWith("Step", StringComparison.Ordinal) && !p.Status.Contains("failed", StringComparison.Ordinal)).Select(p => p.Status));
            Assert.True(output.Progress.Last().Completed);
        }

        [Theory]
        [InlineData("Azure")]
        public async Task A_driver_whose_libraries_are_missing_says_so_and_makes_nothing(string driver)
        {
            string root = Path.Combine(Path.GetTempPath(), "containers-nodriver-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                var store = new HostStore(Path.Combine(root, "store"), new DockerContextMirror(new DockerConfigDirectory(Path.Combine(root, "config"))));
                var error = await Assert.ThrowsAsync<HostDriverNotAvailableException>(() =>
                    new NewContainerHostCommand(new HostCommandContext(store)) { Name = "later", Driver = driver }.ExecuteAsync(new RecordingOutput(), CancellationToken.None));
                var record = ErrorClassifier.Classify(error, "later");
                Assert.Equal("ContainerHostDriverNotAvailable", record.ErrorId);
                Assert.Equal(Containers.Output.ErrorKind.NotImplemented, record.Kind);
                Assert.Contains("available in this", record.Message, StringComparison.Ordinal); // no Azure folder beside the module in the test process
                Assert.False(Directory.Exists(root));
            }
            finally
            {
                if (Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        }

        [Fact]
        public async Task Azure_parameters_given_to_another_driver_are_refused_before_anything_is_made()
        {
            string root = Path.Combine(Path.GetTempPath(), "containers-azureparams-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                var store = new HostStore(Path.Combine(root, "store"), new DockerContextMirror(new DockerConfigDirectory(Path.Combine(root, "config"))));
                var command = new NewContainerHostCommand(new HostCommandContext(store))
                {
                    Name = "misdriven",
                    Driver = "Local",
                    Azure = new AzureHostOptions { Location = "westeurope" },
                };
                var error = await Assert.ThrowsAsync<InvalidParameterException>(() => command.ExecuteAsync(new RecordingOutput(), CancellationToken.None));
                Assert.Equal("Location", error.ParamName);
                Assert.Contains("-Driver Azure", error.Message, StringComparison.Ordinal);
                Assert.False(Directory.Exists(root));
            }
            finally
            {
                if (Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        }
    }
}
