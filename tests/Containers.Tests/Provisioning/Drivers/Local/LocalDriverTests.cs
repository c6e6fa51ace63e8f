using Containers.Commands.Hosts;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Local;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Drivers.Local
{
    /// <summary>
    /// The Local driver end to end, against real dockerds it starts itself: New-ContainerHost's command makes a host
    /// whose engine answers over TLS with the store's client certificate only; Get, Stop, Start, Restart,
    /// Update-ContainerHostCertificate and Remove act on it; -Engine NAME and the docker CLI's --context reach it; a
    /// failing step undoes what was made; -WhatIf makes nothing.
    /// </summary>
    [RequiresEngine]
    public sealed class LocalDriverTests
    {
        private const string Name = "local-e2e";

        [Fact]
        public async Task A_local_host_is_created_used_stopped_started_restarted_recertified_and_removed()
        {
            using var sandbox = new LocalHostSandbox();
            sandbox.UsedNames.Add(Name);
            var output = new RecordingOutput();

            // New: the record, the context, and an engine answering over TLS with the client certificate.
            ContainerHost host = (await new NewContainerHostCommand(sandbox.Context) { Name = Name }.ExecuteAsync(output, CancellationToken.None))!;
            Assert.Empty(output.Errors);
            Assert.Equal(HostState.Running, host.State);
            Assert.Equal("Local", host.Driver);
            Assert.Equal("127.0.0.1", host.Address);
            Assert.Equal($"tcp://127.0.0.1:{host.Port}", host.Url);
            Assert.False(string.IsNullOrEmpty(host.EngineVersion));
            Assert.Same(host, output.ObjectsOf<ContainerHost>().Single());
            HostRecord record = sandbox.Store.Get(Name);
            Assert.Equal(host.Port, record.EnginePort);
            Assert.True(sandbox.Store.Contexts.Exists(Name));
            Assert.Contains(output.Progress, p => p.Status.Contains("Start the engine", StringComparison.Ordinal));
            Assert.Contains(output.Progress, p => p.Completed);
            LocalEngineLayout layout = sandbox.Layout(Name);
            Assert.True(Directory.Exists(layout.DataRoot));
            int firstPid = sandbox.EnginePids().Single();

            using (var client = new EngineClient(EngineEndpoint.Parse(record.EngineAddress), sandbox.Store.LoadClientTls(Name)))
            {
                Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
            }

            await AssertRefusedWithoutClientCertificate(sandbox, record);

            // The docker CLI through the mirrored context.
            Assert.Equal("1.41", DockerCli.Run(sandbox.DockerConfig, new[] { "--context", Name, "version", "--format", "{{.Server.APIVersion}}" }).Trim());

            // -Engine NAME and Connect-ContainerEngine -HostName: the host store first.
            var selector = new EngineSelector(sandbox.Environment);
            ContainerEngine byName = selector.FromArgument(Name);
            Assert.Equal(HostEngines.Source, byName.Source);
            Assert.Equal(record.EngineAddress, byName.Uri);
            await byName.Client.System.PingAsync();
            Assert.Same(byName, selector.FromHost(Name));
            Assert.Same(byName, host.Engine);
            var missing = Assert.Throws<InvalidParameterException>(() => selector.FromHost("no-such-host"));
            Assert.Equal("HostName", missing.ParamName);

            // Get: Running, with wildcards.
            var listed = new RecordingOutput();
            await new GetContainerHostCommand(sandbox.Context) { Name = new[] { "local-*" } }.ExecuteAsync(listed, CancellationToken.None);
            Assert.Equal(HostState.Running, listed.ObjectsOf<ContainerHost>().Single().State);

            // New again with the same name: refused, nothing touched.
            string recordBefore = File.ReadAllText(Path.Combine(record.Name == Name ? sandbox.Store.HostDirectory(Name) : string.Empty, HostFiles.Record));
            var again = await Assert.ThrowsAsync<HostStoreException>(() => new NewContainerHostCommand(sandbox.Context) { Name = Name.ToUpperInvariant() }.ExecuteAsync(new RecordingOutput(), CancellationToken.None));
            Assert.Equal(HostStoreFailure.NameInUse, again.Failure);
            Assert.Equal("ContainerHostNameInUse", ErrorClassifier.Classify(again, Name).ErrorId);
            Assert.Equal(recordBefore, File.ReadAllText(Path.Combine(sandbox.Store.HostDirectory(Name), HostFiles.Record)));
            Assert.Equal(new[] { firstPid }, sandbox.EnginePids());

            // Stop: Stopped, the process gone.
            await Act(sandbox, HostAction.Stop);
            // Gone as the driver sees it: a zombie that .NET has not yet reaped (late on a loaded machine) has exited.
            Assert.False(PosixProcesses.IsAlive(firstPid));
            Assert.Empty(sandbox.EnginePids());
            Assert.Equal(HostState.Stopped, await StateOf(sandbox));

            // Start: Running again, with the same data.
            ContainerHost started = await Act(sandbox, HostAction.Start);
            Assert.Equal(HostState.Running, started.State);
            int secondPid = sandbox.EnginePids().Single();

            // Restart: a new process, Running.
            ContainerHost restarted = await Act(sandbox, HostAction.Restart);
            Assert.Equal(HostState.Running, restarted.State);
            Assert.False(PosixProcesses.IsAlive(secondPid));
            Assert.Single(sandbox.EnginePids());

            // A new address: the certificate names it, the engine listens there, the client reaches it, and so does the CLI.
            var updating = new RecordingOutput();
            await new UpdateContainerHostCertificateCommand(sandbox.Context) { Name = new[] { Name }, Address = "127.0.0.2", PassThru = true }.ExecuteAsync(updating, CancellationToken.None);
            Assert.Empty(updating.Errors);
            ContainerHost moved = updating.ObjectsOf<ContainerHost>().Single();
            Assert.Equal(HostState.Running, moved.State);
            Assert.Equal($"tcp://127.0.0.2:{record.EnginePort}", moved.Url);
            HostRecord movedRecord = sandbox.Store.Get(Name);
            Assert.Contains("127.0.0.2", movedRecord.ServerNames);
            Assert.NotEqual(record.ServerCertificateFingerprint, movedRecord.ServerCertificateFingerprint);
            using (var client = new EngineClient(EngineEndpoint.Parse(movedRecord.EngineAddress), sandbox.Store.LoadClientTls(Name)))
            {
                await client.System.PingAsync();
            }

            Assert.Equal("1.41", DockerCli.Run(sandbox.DockerConfig, new[] { "--context", Name, "version", "--format", "{{.Server.APIVersion}}" }).Trim());

            // Remove: record, context, data, run folder and process all gone.
            var removing = new RecordingOutput();
            await new RemoveContainerHostCommand(sandbox.Context) { Name = new[] { Name } }.ExecuteAsync(removing, CancellationToken.None);
            Assert.Empty(removing.Errors);
            Assert.False(sandbox.Store.Exists(Name));
            Assert.False(sandbox.Store.Contexts.Exists(Name));
            Assert.False(Directory.Exists(sandbox.Store.HostDirectory(Name)));
            Assert.False(Directory.Exists(layout.RunFolder));
            Assert.Empty(sandbox.EnginePids());
            Assert.Contains(removing.Asked, asked => asked.Target == Name);
        }

        [Fact]
        public async Task A_step_failing_part_way_undoes_the_earlier_steps_in_reverse_and_names_the_step()
        {
            using var sandbox = new LocalHostSandbox();
            const string name = "local-fails";
            sandbox.UsedNames.Add(name);
            // The real Local steps, then one that fails after the engine runs: everything must be taken back.
            sandbox.Drivers = _ => new FailingAfterDriver(new LocalDockerdDriver { Isolated = true }, "Configure the firewall", "the firewall said no");
            var output = new RecordingOutput();

            var failure = await Assert.ThrowsAsync<ProvisioningStepException>(() => new NewContainerHostCommand(sandbox.Context) { Name = name }.ExecuteAsync(output, CancellationToken.None));

            Assert.Equal("Configure the firewall", failure.Step);
            Assert.Equal(7, failure.StepNumber);
            Assert.Contains("'Configure the firewall': the firewall said no", failure.Message, StringComparison.Ordinal);
            Assert.Empty(failure.UndoFailures);
            CommandError error = ErrorClassifier.Classify(failure, name);
            Assert.Equal("ContainerHostCreationFailed", error.ErrorId);
            Assert.Contains("Configure the firewall", error.Message, StringComparison.Ordinal);

            // Newest first: the engine, its folders, then the record.
            Assert.Equal(3, failure.Undone.Count);
            Assert.StartsWith("stop the engine", failure.Undone[0], StringComparison.Ordinal);
            Assert.StartsWith("remove '", failure.Undone[1], StringComparison.Ordinal);
            Assert.StartsWith("remove the host folder", failure.Undone[2], StringComparison.Ordinal);

            Assert.False(sandbox.Store.Exists(name));
            Assert.False(sandbox.Store.Contexts.Exists(name));
            Assert.False(Directory.Exists(sandbox.Store.HostDirectory(name)));
            Assert.False(Directory.Exists(sandbox.Layout(name).RunFolder));
            Assert.Empty(sandbox.EnginePids());
            Assert.Empty(output.ObjectsOf<ContainerHost>());
        }

        [Fact]
        public async Task An_engine_that_cannot_start_is_reported_by_its_step_with_dockerds_own_words_and_undone()
        {
            using var sandbox = new LocalHostSandbox();
            const string name = "local-port-taken";
            sandbox.UsedNames.Add(name);
            // Something else takes the port between choosing and starting: dockerd fails, in its own words.
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                int taken = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
                sandbox.Drivers = _ => new PortStealingDriver(new LocalDockerdDriver { Isolated = true }, sandbox.Store, taken);
                var failure = await Assert.ThrowsAsync<ProvisioningStepException>(() => new NewContainerHostCommand(sandbox.Context) { Name = name }.ExecuteAsync(new RecordingOutput(), CancellationToken.None));
                Assert.Equal("Start the engine", failure.Step);
                Assert.Contains("dockerd exited while starting", failure.Message, StringComparison.Ordinal);
                Assert.Contains("address already in use", failure.Message, StringComparison.Ordinal);
                Assert.False(sandbox.Store.Exists(name));
                Assert.Empty(sandbox.EnginePids());
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public async Task WhatIf_lists_every_step_and_makes_nothing()
        {
            using var sandbox = new LocalHostSandbox();
            var output = new RecordingOutput { Approve = false };

            ContainerHost? host = await new NewContainerHostCommand(sandbox.Context) { Name = "local-whatif" }.ExecuteAsync(output, CancellationToken.None);

            Assert.Null(host);
            (string target, string action) = output.Asked.Single();
            Assert.Equal("local-whatif", target);
            foreach (string step in new[] { "Check this machine", "Choose the engine's port", "Issue the certificates", "Write the host to the store", "Write the engine's configuration", "Start the engine" })
            {
                Assert.Contains(step, action, StringComparison.Ordinal);
            }

            // Not even the store's authority.
            Assert.False(Directory.Exists(sandbox.StoreRoot));
            Assert.False(Directory.Exists(sandbox.DockerConfig));
            Assert.Empty(sandbox.EnginePids());
            Assert.Empty(output.Progress);
        }

        private static async Task AssertRefusedWithoutClientCertificate(LocalHostSandbox sandbox, HostRecord record)
        {
            string folder = Path.Combine(sandbox.Temp, "ca-only");
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(sandbox.Store.HostDirectory(record.Name), HostFiles.AuthorityCertificate), Path.Combine(folder, "ca.pem"));
            using var client = new EngineClient(EngineEndpoint.Parse(record.EngineAddress), TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
        }

        private static async Task<ContainerHost> Act(LocalHostSandbox sandbox, HostAction action)
        {
            var output = new RecordingOutput();
            await new HostActionCommand(sandbox.Context, action) { Name = new[] { Name }, PassThru = true }.ExecuteAsync(output, CancellationToken.None);
            Assert.Empty(output.Errors);
            return output.ObjectsOf<ContainerHost>().Single();
        }

        private static async Task<HostState> StateOf(LocalHostSandbox sandbox)
        {
            var output = new RecordingOutput();
            await new GetContainerHostCommand(sandbox.Context) { Name = new[] { Name } }.ExecuteAsync(output, CancellationToken.None);
            return output.ObjectsOf<ContainerHost>().Single().State;
        }

        /// <summary>A driver test double: another driver's steps, then one that throws.</summary>
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

        /// <summary>Records the host with a port something else already listens on, as if it was taken after being chosen.</summary>
        private sealed class PortStealingDriver : DelegatingDriver
        {
            private readonly HostStore _store;
            private readonly int _port;

            public PortStealingDriver(IHostDriver inner, HostStore store, int port)
                : base(inner)
            {
                _store = store;
                _port = port;
            }

            public override IReadOnlyList<ProvisioningStep> PlanCreation(HostCreation creation)
            {
                List<ProvisioningStep> steps = Inner.PlanCreation(creation).ToList();
                int configuration = steps.FindIndex(step => step.Name == "Write the engine's configuration");
                steps.Insert(configuration, ProvisioningStep.Plain("Take the port", "take the port", _ =>
                {
                    HostRecord record = creation.Record!;
                    var moved = new HostRecord
                    {
                        Name = record.Name, Driver = record.Driver, Address = record.Address, EnginePort = _port, DriverSettings = record.DriverSettings,
                        Created = record.Created, ServerNames = record.ServerNames, ServerCertificateFingerprint = record.ServerCertificateFingerprint,
                    };
                    _store.Save(moved);
                    creation.Record = moved;
                    return Task.CompletedTask;
                }));
                return steps;
            }
        }
    }
}
