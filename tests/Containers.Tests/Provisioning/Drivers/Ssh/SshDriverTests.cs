using System.Globalization;
using Containers.Commands.Hosts;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Ssh;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Ssh;
using Containers.Provisioning.Store;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Drivers.Ssh
{
    /// <summary>
    /// The Ssh driver end to end against a test SSH host (a network namespace with its own sshd, see
    /// <see cref="TestSshHost"/>): New-ContainerHost's command provisions an engine that answers over TLS with the
    /// store's client certificate only, reached by -Engine NAME and by the docker CLI's --context; a second host of the
    /// name is refused; Stop, Start and Get's state; the machine moves to a new address and
    /// Update-ContainerHostCertificate restores access; Remove stops the engine and takes its files off the machine.
    /// </summary>
    [RequiresEngine]
    public sealed class SshDriverTests
    {
        private const string Name = "ssh-e2e";

        [Fact]
        public async Task An_ssh_host_is_provisioned_used_stopped_started_moved_recertified_and_removed()
        {
            using SshHostSandbox sandbox = await SshHostSandbox.StartAsync();
            TestSshHost machine = sandbox.Host;
            var output = new RecordingOutput();

            // New: the engine answers over TLS, the record pins the host key, the store keeps no server key.
            ContainerHost host = (await new NewContainerHostCommand(sandbox.Context) { Name = Name, Driver = HostDrivers.Ssh, Ssh = sandbox.Parameters() }
                .ExecuteAsync(output, CancellationToken.None))!;
            Assert.Empty(output.Errors);
            Assert.Equal(HostState.Running, host.State);
            Assert.Equal("Ssh", host.Driver);
            Assert.Equal(machine.Address, host.Address);
            Assert.Equal($"tcp://{machine.Address}:2376", host.Url);
            Assert.False(string.IsNullOrEmpty(host.EngineVersion));
            Assert.Contains(machine.Address, host.ServerNames);
            HostRecord record = sandbox.Store.Get(Name);
            Assert.Equal(machine.HostKey.ToString(), record.SshHostKey);
            Assert.Equal(22, record.SshPort);
            Assert.Equal(("root", machine.IdentityFile), (SshHostSettings.Read(record).User, SshHostSettings.Read(record).KeyFilePath));
            Assert.False(File.Exists(Path.Combine(sandbox.Store.HostDirectory(Name), HostFiles.ServerKey)));
            Assert.True(sandbox.Store.Contexts.Exists(Name));
            foreach (string step in new[] { "Contact the host", "Provision the engine", "Wait for the engine", "Write the host to the store" })
            {
                Assert.Contains(output.Progress, p => p.Status.EndsWith(": " + step, StringComparison.Ordinal));
            }

            int enginePid = EnginePid(machine);
            Assert.True(Runs(enginePid));
            using (var client = new EngineClient(EngineEndpoint.Parse(record.EngineAddress), sandbox.Store.LoadClientTls(Name)))
            {
                Assert.Equal(host.EngineVersion, (await client.System.VersionAsync()).Version);
            }

            await AssertRefusedWithoutClientCertificate(sandbox, record);

            // The docker CLI through the mirrored context, and -Engine NAME through the host store.
            Assert.Equal(host.EngineVersion, DockerCli.Run(sandbox.DockerConfig, new[] { "--context", Name, "version", "--format", "{{.Server.Version}}" }).Trim());
            ContainerEngine byName = new EngineSelector(sandbox.Environment).FromArgument(Name);
            Assert.Equal(HostEngines.Source, byName.Source);
            Assert.Equal(record.EngineAddress, byName.Uri);
            await byName.Client.System.PingAsync();

            // New again with the name (in another letter case): refused, nothing touched on either side.
            string recordBefore = File.ReadAllText(Path.Combine(sandbox.Store.HostDirectory(Name), HostFiles.Record));
            string daemonBefore = File.ReadAllText(machine.PrivatePath("/etc/docker/daemon.json"));
            var again = await Assert.ThrowsAsync<HostStoreException>(() => new NewContainerHostCommand(sandbox.Context) { Name = Name.ToUpperInvariant(), Driver = HostDrivers.Ssh, Ssh = sandbox.Parameters() }
                .ExecuteAsync(new RecordingOutput(), CancellationToken.None));
            Assert.Equal("ContainerHostNameInUse", ErrorClassifier.Classify(again, Name).ErrorId);
            Assert.Equal(recordBefore, File.ReadAllText(Path.Combine(sandbox.Store.HostDirectory(Name), HostFiles.Record)));
            Assert.Equal(daemonBefore, File.ReadAllText(machine.PrivatePath("/etc/docker/daemon.json")));
            Assert.Equal(enginePid, EnginePid(machine));

            // Stop: the engine ends, SSH still answers: Stopped. Start: Running again.
            RecordingOutput stopped = await sandbox.ActAsync(Name, HostAction.Stop);
            Assert.Empty(stopped.Errors);
            Assert.Equal(HostState.Stopped, stopped.ObjectsOf<ContainerHost>().Single().State);
            Assert.False(Runs(enginePid));
            RecordingOutput started = await sandbox.ActAsync(Name, HostAction.Start);
            Assert.Empty(started.Errors);
            Assert.Equal(HostState.Running, started.ObjectsOf<ContainerHost>().Single().State);
            Assert.Equal(HostState.Running, (await sandbox.DescribeAsync(Name)).State);

            // The machine moves: the old address answers neither SSH nor TLS, and the certificate does not name the new one.
            string moved = machine.MoveToNewAddress();
            ContainerHost lost = await sandbox.DescribeAsync(Name);
            Assert.Equal(HostState.Unreachable, lost.State);
            using (var client = new EngineClient(EngineEndpoint.Parse($"tcp://{moved}:2376"), sandbox.Store.LoadClientTls(Name)))
            {
                await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.PingAsync());
            }

            // Update-ContainerHostCertificate -Address: a certificate for the new address, pushed over SSH, the engine restarted there.
            var updating = new RecordingOutput();
            await new UpdateContainerHostCertificateCommand(sandbox.Context) { Name = new[] { Name }, Address = moved, PassThru = true }.ExecuteAsync(updating, CancellationToken.None);
            Assert.Empty(updating.Errors);
            ContainerHost recertified = updating.ObjectsOf<ContainerHost>().Single();
            Assert.Equal(HostState.Running, recertified.State);
            Assert.Equal($"tcp://{moved}:2376", recertified.Url);
            HostRecord movedRecord = sandbox.Store.Get(Name);
            Assert.Contains(moved, movedRecord.ServerNames);
            Assert.NotEqual(record.ServerCertificateFingerprint, movedRecord.ServerCertificateFingerprint);
            Assert.Equal(record.SshHostKey, movedRecord.SshHostKey);
            Assert.Equal(host.EngineVersion, DockerCli.Run(sandbox.DockerConfig, new[] { "--context", Name, "version", "--format", "{{.Server.Version}}" }).Trim());

            // Remove: the engine stopped, the module's files gone from the machine, the record and context gone here.
            int lastPid = EnginePid(machine);
            var removing = new RecordingOutput();
            await new RemoveContainerHostCommand(sandbox.Context) { Name = new[] { Name } }.ExecuteAsync(removing, CancellationToken.None);
            Assert.Empty(removing.Errors);
            Assert.False(Runs(lastPid));
            Assert.Equal(new[] { "sshd" }, sandbox.ProcessesInHost());
            Assert.Empty(sandbox.EngineConfigurationFiles().Intersect(new[] { "ca.pem", "server-cert.pem", "server-key.pem", "daemon.json", ".containers-provisioned" }));
            Assert.False(sandbox.Store.Exists(Name));
            Assert.False(sandbox.Store.Contexts.Exists(Name));
        }

        /// <summary>
        /// Whether the process runs: a detached engine's parent is gone, and what adopts it here may not reap it, so an
        /// ended engine can stay a zombie, which kill(pid, 0) still finds.
        /// </summary>
        internal static bool Runs(int pid)
        {
            try
            {
                return !File.ReadAllLines($"/proc/{pid}/status").Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains('Z', StringComparison.Ordinal));
            }
            catch (IOException)
            {
                return false;
            }
        }

        internal static int EnginePid(TestSshHost machine) =>
            int.Parse(File.ReadAllText(machine.PrivatePath("/run/docker.pid")).Trim(), CultureInfo.InvariantCulture);

        private static async Task AssertRefusedWithoutClientCertificate(SshHostSandbox sandbox, HostRecord record)
        {
            string folder = Path.Combine(sandbox.Temp, "ca-only");
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(sandbox.Store.HostDirectory(record.Name), HostFiles.AuthorityCertificate), Path.Combine(folder, "ca.pem"));
            using var client = new EngineClient(EngineEndpoint.Parse(record.EngineAddress), TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
        }
    }
}
