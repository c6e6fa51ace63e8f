using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Containers.Engine.Files;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;

namespace Containers.Provisioning.Drivers.Local
{
    /// <summary>
    /// The Local driver on Linux: a dockerd of the module's own, with its own data root, exec root, unix socket, pid file
    /// and configuration (see <see cref="LocalEngineLayout"/>), listening with TLS verification on 127.0.0.1 (2376 when
    /// free). It leaves a system engine alone: when another engine runs on this machine it does without the default
    /// bridge and iptables, which that engine owns.
    /// </summary>
    public sealed class LocalDockerdDriver : IHostDriver
    {
        /// <summary>The address the engine listens on unless Update-ContainerHostCertificate -Address moves it.</summary>
        public const string DefaultAddress = "127.0.0.1";

        private const string IsolatedSetting = "Isolated";

        /// <summary>How long a starting dockerd may take to answer (the first start makes its data root).</summary>
        public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

        public string Name => HostDrivers.Local;

        /// <summary>
        /// Whether a new host's engine goes without the default bridge and iptables: null (the default) decides by whether
        /// another engine runs here. The choice is recorded in host.json and kept.
        /// </summary>
        public bool? Isolated { get; set; }

        public IReadOnlyList<ProvisioningStep> PlanCreation(HostCreation creation)
        {
            string name = creation.Name;
            HostStore store = creation.Store;
            var layout = new LocalEngineLayout(store, name);
            string? program = null;
            int port = 0;
            bool isolated = false;
            HostCertificates? certificates = null;
            NewHost? host = null;
            var dockerd = new DockerdProcess(layout);

            return new[]
            {
                ProvisioningStep.Plain("Check this machine", "check that this session runs as root and that dockerd is installed", _ =>
                {
                    program = CheckMachine(name);
                    return Task.CompletedTask;
                }),
                ProvisioningStep.Plain("Choose the engine's port", $"choose port {HostRecord.DefaultEnginePort} on {DefaultAddress}, or a free port when it is taken", _ =>
                {
                    port = ChoosePort(store, DefaultAddress);
                    isolated = Isolated ?? AnotherEngineRuns();
                    return Task.CompletedTask;
                }),
                ProvisioningStep.Plain("Issue the certificates", $"issue a server certificate for {DefaultAddress} and localhost, and a client certificate, from the authority of the host store '{store.Root}'", _ =>
                {
                    host = new NewHost
                    {
                        Name = name,
                        Driver = Name,
                        Address = DefaultAddress,
                        EnginePort = port,
                        DriverSettings = Settings(isolated),
                    };
                    certificates = store.IssueCertificates(host);
                    return Task.CompletedTask;
                }),
                new ProvisioningStep("Write the host to the store", $"write the host folder '{layout.HostFolder}' and the docker context '{name}'", (undo, _) =>
                {
                    creation.Record = store.Add(host!, certificates!);
                    undo.Register($"remove the host folder '{layout.HostFolder}' and the docker context '{name}'", () => store.Remove(name));
                    return Task.CompletedTask;
                }),
                new ProvisioningStep("Write the engine's configuration", $"write '{layout.ConfigFile}' and make the run folder '{layout.RunFolder}'", (undo, _) =>
                {
                    undo.Register($"remove '{layout.EngineFolder}' and '{layout.RunFolder}'", () => DeleteEngineFolders(layout));
                    WriteConfiguration(layout, creation.Record!);
                    return Task.CompletedTask;
                }),
                new ProvisioningStep("Start the engine", $"start dockerd with data root '{layout.DataRoot}', listening on unix://{layout.SocketPath} and with TLS on tcp://{DefaultAddress}:PORT", async (undo, cancellationToken) =>
                {
                    // Registered before waiting: an engine that started but never answers is stopped too.
                    undo.Register("stop the engine and delete its data", async undoCancellation =>
                    {
                        await StopEngineAsync(layout, undoCancellation).ConfigureAwait(false);
                        DeleteEngineFolders(layout);
                    });
                    await StartEngineAsync(layout, store, creation.Record!, program!, cancellationToken).ConfigureAwait(false);
                }),
            };
        }

        public async Task<HostStatus> GetStatusAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            var layout = new LocalEngineLayout(store, host.Name);
            if (new DockerdProcess(layout).RunningPid() == null)
            {
                return new HostStatus(HostState.Stopped, reason: $"No dockerd runs for the host (pid file '{layout.PidFile}').");
            }

            (string? version, string? problem) = await EngineProbe.TryGetVersionAsync(store, host, EngineProbe.DefaultLimit, cancellationToken).ConfigureAwait(false);
            return problem == null ? new HostStatus(HostState.Running, version) : new HostStatus(HostState.Unreachable, reason: problem);
        }

        public Task StartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            var layout = new LocalEngineLayout(store, host.Name);
            string program = CheckMachine(host.Name);
            if (new DockerdProcess(layout).RunningPid() != null)
            {
                return Task.CompletedTask;
            }

            WriteConfiguration(layout, host);
            return StartEngineAsync(layout, store, host, program, cancellationToken);
        }

        public Task StopAsync(HostStore store, HostRecord host, CancellationToken cancellationToken) =>
            StopEngineAsync(new LocalEngineLayout(store, host.Name), cancellationToken);

        public async Task RestartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            await StopAsync(store, host, cancellationToken).ConfigureAwait(false);
            await StartAsync(store, host, cancellationToken).ConfigureAwait(false);
        }

        public async Task RemoveAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            var layout = new LocalEngineLayout(store, host.Name);
            await StopEngineAsync(layout, cancellationToken).ConfigureAwait(false);
            try
            {
                DeleteEngineFolders(layout);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new HostDriverException(host.Name, $"The engine of the host '{host.Name}' stopped, but its data ('{layout.EngineFolder}') could not be deleted: {e.Message}", e);
            }
        }

        public Task<IReadOnlyList<string>> GetServerNamesAsync(HostStore store, HostRecord host, string? newAddress, CancellationToken cancellationToken)
        {
            string address = newAddress ?? host.Address;
            // dockerd listens on this address, so it must be one: a DNS name would be resolved once, and only by dockerd.
            if (!IPAddress.TryParse(address, out _))
            {
                throw new HostDriverException(host.Name, $"The Local driver's engine listens on the address it is given, so '{address}' must be an IP address of this machine, such as 127.0.0.1.");
            }

            return Task.FromResult<IReadOnlyList<string>>(new[] { address });
        }

        public async Task ApplyServerCertificateAsync(HostStore store, HostRecord host, ServerCertificateFiles certificate, CancellationToken cancellationToken)
        {
            // The store wrote the files where this engine reads them; the configuration names the new address at the next start.
            var layout = new LocalEngineLayout(store, host.Name);
            if (new DockerdProcess(layout).RunningPid() != null)
            {
                await RestartAsync(store, host, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                WriteConfiguration(layout, host);
            }
        }

        private static string CheckMachine(string hostName)
        {
            if (Environment.OSVersion.Platform == PlatformID.Win32NT)
            {
                throw new HostDriverException(hostName, "This Local driver runs a dockerd of its own, on Linux; on Windows the Local driver uses the Docker engine service.");
            }

            if (!PosixProcesses.IsRoot)
            {
                throw new HostDriverException(hostName, "The Local driver starts a dockerd of its own, which must run as root: start PowerShell as root (sudo pwsh) to create, start or stop a Local host.");
            }

            return DockerdProcess.FindProgram()
                ?? throw new HostDriverException(hostName, "dockerd is not installed (it is not on the PATH, nor in /usr/bin or /usr/sbin). Install the Docker engine (for example the docker.io or docker-ce package) first.");
        }

        /// <summary>2376 when nothing listens there and no other Local host of the store uses it; else a port the system picks.</summary>
        private static int ChoosePort(HostStore store, string address)
        {
            var taken = new HashSet<int>(store.ListNames().Select(other =>
            {
                try
                {
                    return store.Get(other).EnginePort;
                }
                catch (HostStoreException)
                {
                    return 0;
                }
            }));
            IPAddress ip = IPAddress.Parse(address);
            if (!taken.Contains(HostRecord.DefaultEnginePort) && CanListen(ip, HostRecord.DefaultEnginePort))
            {
                return HostRecord.DefaultEnginePort;
            }

            for (int attempt = 0; attempt < 20; attempt++)
            {
                var listener = new TcpListener(ip, 0);
                listener.Start();
                int port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (!taken.Contains(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException($"No free TCP port could be found on {address}.");
        }

        private static bool CanListen(IPAddress address, int port)
        {
            var listener = new TcpListener(address, port);
            try
            {
                listener.Start();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
            finally
            {
                listener.Stop();
            }
        }

        /// <summary>A system engine (its socket or docker0), or any other dockerd, this module's own included.</summary>
        private static bool AnotherEngineRuns() =>
            File.Exists("/var/run/docker.sock")
            || Directory.Exists("/sys/class/net/docker0")
            || PosixProcesses.AnyRunning("dockerd", Array.Empty<int>());

        private static JsonElement Settings(bool isolated)
        {
            using JsonDocument document = JsonDocument.Parse(isolated ? "{\"" + IsolatedSetting + "\":true}" : "{\"" + IsolatedSetting + "\":false}");
            return document.RootElement.Clone();
        }

        private static bool IsIsolated(HostRecord host) =>
            host.DriverSettings.ValueKind == JsonValueKind.Object
            && host.DriverSettings.TryGetProperty(IsolatedSetting, out JsonElement value)
            && value.ValueKind == JsonValueKind.True;

        private static void WriteConfiguration(LocalEngineLayout layout, HostRecord host)
        {
            Directory.CreateDirectory(layout.EngineFolder);
            UnixFileModes.MakeOwnerOnlyDirectory(layout.EngineFolder);
            Directory.CreateDirectory(layout.RunFolder);
            UnixFileModes.MakeOwnerOnlyDirectory(layout.RunFolder);
            AtomicFile.Write(layout.ConfigFile, DockerdConfiguration.Write(layout, host, IsIsolated(host)));
        }

        private static async Task StartEngineAsync(LocalEngineLayout layout, HostStore store, HostRecord host, string program, CancellationToken cancellationToken)
        {
            var dockerd = new DockerdProcess(layout);
            int pid = dockerd.Start(program);
            try
            {
                await EngineProbe.WaitUntilAnswersAsync(store, host, StartLimit, () =>
                    PosixProcesses.IsAlive(pid) ? null : $"dockerd exited while starting. The end of its log ('{layout.LogFile}'):\n{dockerd.ReadLogTail()}",
                    cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Failed or cancelled while waiting: never leave a half-started engine behind.
                if (PosixProcesses.IsAlive(pid))
                {
                    await dockerd.StopAsync(pid, CancellationToken.None).ConfigureAwait(false);
                }

                throw;
            }
        }

        private static async Task StopEngineAsync(LocalEngineLayout layout, CancellationToken cancellationToken)
        {
            var dockerd = new DockerdProcess(layout);
            int? pid = dockerd.RunningPid();
            if (pid != null)
            {
                bool killed = await dockerd.StopAsync(pid.Value, cancellationToken).ConfigureAwait(false);
                if (killed)
                {
                    // A killed dockerd leaves its mounts; detach them so the folders can be deleted safely later.
                    PosixProcesses.DetachMountsUnder(layout.ExecRoot, layout.DataRoot);
                }
            }

            TryDelete(layout.PidFile);
        }

        private static void DeleteEngineFolders(LocalEngineLayout layout)
        {
            // Never delete through a mount: detach what a crashed engine may have left first.
            IReadOnlyList<string> stuck = PosixProcesses.DetachMountsUnder(layout.RunFolder, layout.EngineFolder);
            if (stuck.Count > 0)
            {
                throw new IOException($"These mounts under the engine's folders could not be detached: {string.Join(", ", stuck)}.");
            }

            if (Directory.Exists(layout.RunFolder))
            {
                Directory.Delete(layout.RunFolder, recursive: true);
            }

            if (Directory.Exists(layout.EngineFolder))
            {
                Directory.Delete(layout.EngineFolder, recursive: true);
            }
        }

        private static void TryDelete(string file)
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // A stale pid file is checked against the process anyway.
            }
        }
    }
}
