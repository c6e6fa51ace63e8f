using System.Text.Json;
using Containers.Commands.Hosts;
using Containers.Engine.Ssh;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Provisioning;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Ssh;
using Containers.Provisioning.Ssh;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Drivers.Ssh
{
    /// <summary>
    /// The Ssh driver when things go wrong, against a test SSH host: bad parameters are refused before anything is made;
    /// a remote step that exits non-zero, or a step failing after the engine runs and the record is written, leaves
    /// neither a record nor a running engine nor the module's files on the machine; a host key other than the one given
    /// is refused; a machine whose key changed after creation is refused with the record intact, and -Force removes it.
    /// </summary>
    [RequiresEngine]
    public sealed class SshDriverFailureTests
    {
        private static readonly string[] ModuleFiles = { "ca.pem", "server-cert.pem", "server-key.pem", "daemon.json", ".containers-provisioned" };

        [Fact]
        public async Task Failed_creations_leave_nothing_behind_and_a_changed_host_key_is_refused()
        {
            using SshHostSandbox sandbox = await SshHostSandbox.StartAsync();
            TestSshHost machine = sandbox.Host;

            // Parameters: no address for Ssh, or Ssh parameters for another driver.
            var noAddress = await Assert.ThrowsAsync<InvalidParameterException>(() => New(sandbox, "no-address", new SshHostParameters { KeyFile = machine.IdentityFile }));
            Assert.Equal("InvalidAddress", ErrorClassifier.Classify(noAddress, "no-address").ErrorId);
            var wrongDriver = await Assert.ThrowsAsync<InvalidParameterException>(() =>
                new NewContainerHostCommand(sandbox.Context) { Name = "wrong-driver", Driver = HostDrivers.Local, Ssh = sandbox.Parameters() }.ExecuteAsync(new RecordingOutput(), CancellationToken.None));
            Assert.Equal("Address", wrongDriver.ParamName);
            var badKey = await Assert.ThrowsAsync<InvalidParameterException>(() => New(sandbox, "bad-key", sandbox.Parameters(hostKey: "ssh-ed25519 not-base64")));
            Assert.Equal("HostKey", badKey.ParamName);

            // -WhatIf: the steps listed, nothing contacted or made.
            var whatIf = new RecordingOutput { Approve = false };
            Assert.Null(await new NewContainerHostCommand(sandbox.Context) { Name = "what-if", Driver = HostDrivers.Ssh, Ssh = sandbox.Parameters() }.ExecuteAsync(whatIf, CancellationToken.None));
            Assert.Contains("6. Write the host to the store", whatIf.Asked.Single().Action, StringComparison.Ordinal);
            Assert.Contains(machine.Address, whatIf.Asked.Single().Action, StringComparison.Ordinal);
            Assert.False(Directory.Exists(sandbox.StoreRoot));

            // A daemon option the engine refuses: the provisioning script fails in its last step; its undo cleans the machine.
            using (JsonDocument bogus = JsonDocument.Parse("{\"no-such-daemon-option\": true}"))
            {
                sandbox.Drivers = name => name == HostDrivers.Ssh ? new SshHostDriver { DaemonSettings = bogus.RootElement.Clone() } : HostDriverFactory.Get(name);
                var refused = await Assert.ThrowsAsync<ProvisioningStepException>(() => New(sandbox, "refused-option", sandbox.Parameters()));
                Assert.Equal("Provision the engine", refused.Step);
                Assert.Contains("exit code 1", refused.Message, StringComparison.Ordinal);
                Assert.Contains("no-such-daemon-option", refused.Message, StringComparison.Ordinal);
                Assert.Empty(refused.UndoFailures);
                Assert.StartsWith("stop the engine on", refused.Undone.Single(), StringComparison.Ordinal);
                CommandError error = ErrorClassifier.Classify(refused, "refused-option");
                Assert.Equal(("ContainerHostCreationFailed", ErrorKind.InvalidResult), (error.ErrorId, error.Kind));
                AssertNothingLeft(sandbox, "refused-option");
            }

            // A step failing after the engine answered and the record was written: all of it taken back, newest first.
            sandbox.Drivers = _ => new FailingAfterDriver(new SshHostDriver { Parameters = sandbox.Parameters() }, "Configure the firewall", "the firewall said no");
            var late = await Assert.ThrowsAsync<ProvisioningStepException>(() => New(sandbox, "late-failure", null));
            Assert.Equal(("Configure the firewall", 7), (late.Step, late.StepNumber));
            Assert.Empty(late.UndoFailures);
            Assert.Equal(2, late.Undone.Count);
            Assert.StartsWith("remove the host folder", late.Undone[0], StringComparison.Ordinal);
            Assert.StartsWith("stop the engine on", late.Undone[1], StringComparison.Ordinal);
            AssertNothingLeft(sandbox, "late-failure");

            // An explicit host key the machine does not present: refused at first contact, a security error, nothing made.
            sandbox.Drivers = HostDriverFactory.Get;
            string otherKey = File.ReadAllText(machine.IdentityFile + ".pub").Trim();
            var impostor = await Assert.ThrowsAsync<ProvisioningStepException>(() => New(sandbox, "wrong-key", sandbox.Parameters(hostKey: otherKey)));
            Assert.Equal("Contact the host", impostor.Step);
            Assert.Equal(SshFailure.HostKeyChanged, Assert.IsType<SshException>(impostor.InnerException).Failure);
            Assert.Equal(ErrorKind.SecurityError, ErrorClassifier.Classify(impostor, "wrong-key").Kind);
            AssertNothingLeft(sandbox, "wrong-key");

            // The right key given explicitly: created. Then the machine's key changes: every SSH use is refused, the record stays.
            ContainerHost host = (await New(sandbox, "pinned", sandbox.Parameters(hostKey: machine.HostKey.ToString())))!;
            Assert.Equal(HostState.Running, host.State);
            string recordBefore = File.ReadAllText(Path.Combine(sandbox.Store.HostDirectory("pinned"), HostFiles.Record));
            int enginePid = SshDriverTests.EnginePid(machine);
            await machine.ReplaceHostKeyAsync();

            var stopping = await sandbox.ActAsync("pinned", HostAction.Stop);
            CommandError changed = stopping.Errors.Single();
            Assert.Equal(("ContainerHostSshHostKeyChanged", ErrorKind.SecurityError), (changed.ErrorId, changed.Kind));
            Assert.True(SshDriverTests.Runs(enginePid));
            Assert.Equal(recordBefore, File.ReadAllText(Path.Combine(sandbox.Store.HostDirectory("pinned"), HostFiles.Record)));

            // The engine itself still answers with the store's certificates, so the state is Running; the key only guards SSH.
            Assert.Equal(HostState.Running, (await sandbox.DescribeAsync("pinned")).State);

            // Remove refuses too, and keeps the record; -Force removes the record anyway, with a warning.
            var removing = new RecordingOutput();
            await new RemoveContainerHostCommand(sandbox.Context) { Name = new[] { "pinned" } }.ExecuteAsync(removing, CancellationToken.None);
            Assert.Equal("ContainerHostSshHostKeyChanged", removing.Errors.Single().ErrorId);
            Assert.Equal(recordBefore, File.ReadAllText(Path.Combine(sandbox.Store.HostDirectory("pinned"), HostFiles.Record)));
            var forcing = new RecordingOutput();
            await new RemoveContainerHostCommand(sandbox.Context) { Name = new[] { "pinned" }, Force = true }.ExecuteAsync(forcing, CancellationToken.None);
            Assert.Empty(forcing.Errors);
            Assert.Contains(forcing.Warnings, warning => warning.Contains("-Force removes the host's record anyway", StringComparison.Ordinal));
            Assert.False(sandbox.Store.Exists("pinned"));
        }

        private static Task<ContainerHost?> New(SshHostSandbox sandbox, string name, SshHostParameters? parameters) =>
            new NewContainerHostCommand(sandbox.Context) { Name = name, Driver = HostDrivers.Ssh, Ssh = parameters }.ExecuteAsync(new RecordingOutput(), CancellationToken.None);

        private static void AssertNothingLeft(SshHostSandbox sandbox, string name)
        {
            Assert.False(sandbox.Store.Exists(name));
            Assert.False(sandbox.Store.Contexts.Exists(name));
            Assert.False(Directory.Exists(sandbox.Store.HostDirectory(name)));
            Assert.Equal(new[] { "sshd" }, sandbox.ProcessesInHost());
            Assert.Empty(sandbox.EngineConfigurationFiles().Intersect(ModuleFiles));
            Assert.False(File.Exists(sandbox.Host.PrivatePath("/run/docker.pid")));
        }

        /// <summary>A driver test double: the Ssh driver's steps, then one that throws.</summary>
        private sealed class FailingAfterDriver : DelegatingDriver
        {
            private readonly string _step;
            private readonly string _message;

            public FailingAfterDriver(IHostDriver inner, string step, string message)
                : base(inner)
            {
                _step = step;
                _message = message;
            }

            public override IReadOnlyList<ProvisioningStep> PlanCreation(HostCreation creation) =>
                Inner.PlanCreation(creation)
                    .Append(ProvisioningStep.Plain(_step, "fail", _ => throw new HostDriverException(creation.Name, _message)))
                    .ToList();
        }
    }
}
