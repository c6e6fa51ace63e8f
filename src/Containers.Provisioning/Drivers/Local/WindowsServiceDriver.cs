using System.Diagnostics;
using System.Text.Json;
using Containers.Engine.Files;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;

namespace Containers.Provisioning.Drivers.Local
{
    /// <summary>
    /// The Local driver on Windows: the Docker engine service ("docker", as Docker's static binaries and Mirantis
    /// Container Runtime install it) is given TLS on tcp://127.0.0.1:2376 beside its named pipe, through
    /// <c>%ProgramData%\docker\config\daemon.json</c> (the file it reads), and is restarted. The previous daemon.json is
    /// kept as daemon.json.before-containers-host and put back when the host is removed or its creation fails. Start,
    /// Stop and Restart act on the service with sc.exe. Not tested on this project's Linux machine.
    /// </summary>
    public sealed class WindowsServiceDriver : IHostDriver
    {
        public const string ServiceName = "docker";

        private const string BackupSuffix = ".before-containers-host";

        public string Name => HostDrivers.Local;

        private static string ConfigFile => Path.Combine(
            Environment.GetEnvironmentVariable("ProgramData") ?? @"C:\ProgramData", "docker", "config", "daemon.json");

        public IReadOnlyList<ProvisioningStep> PlanCreation(HostCreation creation)
        {
            string name = creation.Name;
            HostStore store = creation.Store;
            return new[]
            {
                ProvisioningStep.Plain("Check the Docker engine service", $"check that the '{ServiceName}' service is installed", async cancellationToken =>
                    await ServiceControlAsync(name, "query", cancellationToken).ConfigureAwait(false)),
                new ProvisioningStep("Write the host to the store", $"write the host folder '{store.HostDirectory(name)}' and the docker context '{name}'", (undo, _) =>
                {
                    creation.Record = store.Add(new NewHost { Name = name, Driver = Name, Address = LocalDockerdDriver.DefaultAddress, EnginePort = HostRecord.DefaultEnginePort });
                    undo.Register("remove the host from the store", () => store.Remove(name));
                    return Task.CompletedTask;
                }),
                new ProvisioningStep("Configure the engine service", $"add TLS on tcp://127.0.0.1:{HostRecord.DefaultEnginePort} to '{ConfigFile}'", (undo, _) =>
                {
                    undo.Register($"restore '{ConfigFile}'", RestoreConfiguration);
                    WriteConfiguration(store, creation.Record!);
                    return Task.CompletedTask;
                }),
                new ProvisioningStep("Restart the engine service", $"restart the '{ServiceName}' service", async (undo, cancellationToken) =>
                {
                    undo.Register($"restart the '{ServiceName}' service with its previous configuration", async c => await RestartServiceAsync(name, c).ConfigureAwait(false));
                    await RestartAsync(store, creation.Record!, cancellationToken).ConfigureAwait(false);
                }),
            };
        }

        public async Task<HostStatus> GetStatusAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            string state = await ServiceControlAsync(host.Name, "query", cancellationToken).ConfigureAwait(false);
            if (state.IndexOf("RUNNING", StringComparison.Ordinal) < 0)
            {
                return new HostStatus(HostState.Stopped, reason: $"The '{ServiceName}' service is not running.");
            }

            (string? version, string? problem) = await EngineProbe.TryGetVersionAsync(store, host, EngineProbe.DefaultLimit, cancellationToken).ConfigureAwait(false);
            return problem == null ? new HostStatus(HostState.Running, version) : new HostStatus(HostState.Unreachable, reason: problem);
        }

        public async Task StartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            await ServiceControlAsync(host.Name, "start", cancellationToken, alreadyIsFine: true).ConfigureAwait(false);
            await EngineProbe.WaitUntilAnswersAsync(store, host, LocalDockerdDriver.StartLimit, () => null, cancellationToken).ConfigureAwait(false);
        }

        public Task StopAsync(HostStore store, HostRecord host, CancellationToken cancellationToken) =>
            ServiceControlAsync(host.Name, "stop", cancellationToken, alreadyIsFine: true);

        public async Task RestartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            await RestartServiceAsync(host.Name, cancellationToken).ConfigureAwait(false);
            await EngineProbe.WaitUntilAnswersAsync(store, host, LocalDockerdDriver.StartLimit, () => null, cancellationToken).ConfigureAwait(false);
        }

        public async Task RemoveAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            // The service and its data are the machine's, not the host's: only the TLS listener this driver added goes.
            RestoreConfiguration();
            await RestartServiceAsync(host.Name, cancellationToken).ConfigureAwait(false);
        }

        public Task<IReadOnlyList<string>> GetServerNamesAsync(HostStore store, HostRecord host, string? newAddress, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(new[] { newAddress ?? host.Address });

        public Task ApplyServerCertificateAsync(HostStore store, HostRecord host, ServerCertificateFiles certificate, CancellationToken cancellationToken)
        {
            WriteConfiguration(store, host);
            return RestartAsync(store, host, cancellationToken);
        }

        private static void WriteConfiguration(HostStore store, HostRecord host)
        {
            string folder = store.HostDirectory(host.Name);
            string file = ConfigFile;
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            if (File.Exists(file) && !File.Exists(file + BackupSuffix))
            {
                File.Copy(file, file + BackupSuffix);
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("hosts");
                writer.WriteStringValue("npipe://");
                writer.WriteStringValue(host.EngineAddress);
                writer.WriteEndArray();
                writer.WriteBoolean("tlsverify", true);
                writer.WriteString("tlscacert", Path.Combine(folder, HostFiles.AuthorityCertificate));
                writer.WriteString("tlscert", Path.Combine(folder, HostFiles.ServerCertificate));
                writer.WriteString("tlskey", Path.Combine(folder, HostFiles.ServerKey));
                writer.WriteEndObject();
            }

            AtomicFile.Write(file, buffer.ToArray());
        }

        private static void RestoreConfiguration()
        {
            string file = ConfigFile;
            if (File.Exists(file + BackupSuffix))
            {
                File.Copy(file + BackupSuffix, file, overwrite: true);
                File.Delete(file + BackupSuffix);
            }
            else if (File.Exists(file))
            {
                File.Delete(file);
            }
        }

        private static async Task RestartServiceAsync(string hostName, CancellationToken cancellationToken)
        {
            await ServiceControlAsync(hostName, "stop", cancellationToken, alreadyIsFine: true).ConfigureAwait(false);
            for (int i = 0; i < 60 && (await ServiceControlAsync(hostName, "query", cancellationToken).ConfigureAwait(false)).IndexOf("STOPPED", StringComparison.Ordinal) < 0; i++)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }

            await ServiceControlAsync(hostName, "start", cancellationToken, alreadyIsFine: true).ConfigureAwait(false);
        }

        /// <summary>sc.exe ACTION docker; its output. 1056 (already running) and 1062 (not started) are fine for start and stop.</summary>
        private static async Task<string> ServiceControlAsync(string hostName, string action, CancellationToken cancellationToken, bool alreadyIsFine = false)
        {
            var start = new ProcessStartInfo("sc.exe", action + " " + ServiceName) { UseShellExecute = false, RedirectStandardOutput = true, CreateNoWindow = true };
            using Process process = Process.Start(start) ?? throw new HostDriverException(hostName, "sc.exe did not start.");
            string output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
            while (!process.WaitForExit(100))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (process.ExitCode != 0 && !(alreadyIsFine && (process.ExitCode == 1056 || process.ExitCode == 1062)))
            {
                throw new HostDriverException(hostName, $"sc.exe {action} {ServiceName} failed (exit code {process.ExitCode}): {output.Trim()}");
            }

            return output;
        }
    }
}
